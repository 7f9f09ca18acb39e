"""a subclassed model that holds weights itself, not through a layer: `self.add_weight` in
`__init__` and `tf.Variable` attributes (which tf-keras tracks and Keras 3 does not). Their
parameters count in `summary()`'s totals and in `count_params()` without a row of their own; an
attribute set again (a subclass replacing its base's variable) drops the variable it held unless
another attribute still holds it."""
import numpy as np
import tensorflow as tf
import keras


class Shifted(keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = keras.layers.Dense(3)
        self.shift = self.add_weight(shape=(1, 3), initializer="zeros", name="shift")

    def call(self, x):
        return self.dense(x) + self.shift


class Tokens(keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = keras.layers.Dense(4)
        self.token = tf.Variable(tf.zeros((1, 2)), name="token")

    def call(self, x):
        return self.dense(x)


class MoreTokens(Tokens):
    def __init__(self, keep):
        super().__init__()
        if keep:
            self.first = self.token
        self.token = tf.Variable(tf.zeros((1, 5)), name="token")
        self.scale = tf.Variable(tf.ones((1,)), trainable=False, name="scale")


shifted = Shifted()
print(shifted(np.ones((2, 4))).shape)
shifted.summary()
print(shifted.count_params())
for model in (Tokens(), MoreTokens(False), MoreTokens(True)):
    model(np.ones((2, 3)))
    print(type(model).__name__, model.count_params())
model.summary()
