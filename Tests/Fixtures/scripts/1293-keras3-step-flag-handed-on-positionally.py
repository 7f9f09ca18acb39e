"""Keras 3's fit, evaluate and predict run a subclassed model's call() with the step's training
flag (True to train, False otherwise); a call() that hands the flag on positionally to a layer,
a nested block or a Sequential stack fails its check that positional arguments are tensors.
tf-keras binds the flag positionally and runs every step."""
import numpy as np
import tensorflow as tf


class Block(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.scale = tf.keras.layers.Dense(3)
        self.norm = tf.keras.layers.BatchNormalization()

    def call(self, x, training=None):
        return self.norm(self.scale(x), training)


class Wrapper(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.block = Block()

    def call(self, x, training=None):
        return self.block(x)


class Stacked(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.stack = tf.keras.Sequential([tf.keras.layers.Dense(3)])

    def call(self, x, training=None):
        return self.stack(x, training)


class Keyword(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(3)
        self.drop = tf.keras.layers.Dropout(0.5)

    def call(self, x, training=None):
        return self.drop(self.dense(x), training=training)


class Passes(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(3)
        self.drop = tf.keras.layers.Dropout(0.5)

    def call(self, x, training=None):
        return self.drop(self.dense(x), training)


x = np.ones((6, 4), dtype="float32")
y = np.zeros((6, 3), dtype="float32")
for make in [Wrapper, Stacked, Keyword, Passes]:
    for step in ["predict", "evaluate", "fit"]:
        model = make()
        model.compile("sgd", "mse")
        try:
            if step == "fit":
                model.fit(x, y, epochs=1, verbose=0)
            elif step == "evaluate":
                model.evaluate(x, y, verbose=0)
            else:
                model.predict(x, verbose=0)
            print(make.__name__, step, "ran")
        except (TypeError, ValueError) as error:
            print(make.__name__, step, type(error).__name__)
            print(error)

model = Passes()
model.compile("sgd", "mse")
model.fit(x, y, batch_size=2, epochs=1, verbose=0)
