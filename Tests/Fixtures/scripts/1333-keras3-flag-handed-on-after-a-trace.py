"""Blocks that hand `training` on positionally (also under another name), traced first without
the flag (a subclassed model called on data, a block called on keras.Input in a functional
graph): Keras 3's fit, evaluate and predict run call() again with the step's flag and fail, on
the step's batch (a whole batch size, or unknown). tf-keras runs every step."""
import numpy as np
import tensorflow as tf


class Block(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(4)
        self.drop = tf.keras.layers.Dropout(0.5)

    def call(self, x, training=None):
        return self.drop(self.dense(x), training)


class Renamed(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(4)
        self.norm = tf.keras.layers.BatchNormalization()

    def call(self, x, is_training=None, scale=2.0):
        return self.norm(self.dense(x), is_training) * scale


class Net(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.block = Block()
        self.renamed = Renamed()
        self.head = tf.keras.layers.Dense(1)

    def call(self, x, training=None):
        h = self.block(x, training=training)
        return self.head(self.renamed(h, is_training=training))


x = np.ones((6, 3), dtype="float32")
y = np.zeros((6, 1), dtype="float32")
net = Net()
print(net(x).shape)
net.compile("sgd", "mse")
for step, run in [
    ("predict", lambda: net.predict(x, batch_size=4, verbose=0)),
    ("evaluate", lambda: net.evaluate(x, y, batch_size=3, verbose=0)),
    ("fit", lambda: net.fit(x, y, epochs=1, verbose=0)),
]:
    try:
        run()
        print(step, "ran")
    except ValueError as error:
        print(step, error)

inputs = tf.keras.Input((3,))
outputs = tf.keras.layers.Dense(1)(Renamed()(Block()(inputs)))
model = tf.keras.Model(inputs, outputs)
model.compile("sgd", "mse")
for step, run in [
    ("predict", lambda: model.predict(x, verbose=0)),
    ("fit", lambda: model.fit(x, y, batch_size=2, epochs=1, verbose=0)),
]:
    try:
        run()
        print(step, "ran")
    except ValueError as error:
        print(step, error)

renamed = Renamed()
outputs = renamed(inputs, is_training=None)
tf.keras.Model(inputs, outputs).compile("sgd", "mse")
again = tf.keras.Model(inputs, outputs)
again.compile("sgd", "mse")
again.fit(x, np.zeros((6, 4)), epochs=1, verbose=0)
print("trained")
