"""A model whose blocks hand `training` on positionally, called on data first (the flag None:
both Kerases run it), then trained: Keras 3 traces call() again with training=True and fails.
ConvBook refuses that step under Keras 3; tf-keras trains."""
import numpy as np
import tensorflow as tf


class Block(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(4)
        self.drop = tf.keras.layers.Dropout(0.5)

    def call(self, x, training=None):
        return self.drop(self.dense(x), training)


class Net(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.block = Block()
        self.head = tf.keras.layers.Dense(1)

    def call(self, x, training=None):
        return self.head(self.block(x, training=training))


x = np.ones((4, 3), dtype="float32")
net = Net()
print(net(x).shape)
net.compile("sgd", "mse")
net.fit(x, np.zeros((4, 1)), epochs=1, verbose=0)
print("trained")
