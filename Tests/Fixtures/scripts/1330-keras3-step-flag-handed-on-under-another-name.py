"""Keras 3's fit, evaluate and predict run a subclassed model's call() with the step's flag; a
flag handed on under another name (a keyword of a block's call, a local, a helper function's
parameter) and then positionally to a layer fails Keras 3's check that positional arguments are
tensors. A None handed on positionally that is not the flag passes, and tf-keras runs them all."""
import numpy as np
import tensorflow as tf


class Block(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(3)
        self.norm = tf.keras.layers.BatchNormalization()

    def call(self, x, is_training=False):
        return self.norm(self.dense(x), is_training)


class ByKeyword(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.block = Block()

    def call(self, x, training=None):
        return self.block(x, is_training=training)


class ByLocal(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(3)
        self.drop = tf.keras.layers.Dropout(0.5)

    def call(self, x, training=None):
        flag = training
        return self.drop(self.dense(x), flag)


def dense_then_drop(dense, drop, x, train):
    return drop(dense(x), train)


class ByHelper(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(3)
        self.drop = tf.keras.layers.Dropout(0.5)

    def call(self, x, training=None):
        return dense_then_drop(self.dense, self.drop, x, training)


class Stated(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(3)

    def call(self, x, state=None):
        return self.dense(x)


class NoneNotFlag(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.inner = Stated()

    def call(self, x, training=None):
        flag = training
        flag = None
        return self.inner(x, flag)


x = np.ones((6, 4), dtype="float32")
y = np.zeros((6, 3), dtype="float32")
for make in [ByKeyword, ByLocal, ByHelper, NoneNotFlag]:
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

model = ByHelper()
model.compile("sgd", "mse")
model.fit(x, y, batch_size=3, epochs=1, verbose=0)
