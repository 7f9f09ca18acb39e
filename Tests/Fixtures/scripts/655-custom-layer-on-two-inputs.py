"""Custom layers called on a list of tensors that own weights: a bilinear mix whose build() gets
both input shapes, and a gate made of two Dense sublayers created in __init__."""
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class Bilinear(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)

    def build(self, input_shape):
        print("build got", [tuple(s) for s in input_shape])
        left, right = input_shape
        self.w = self.add_weight(name="w", shape=(left[-1], right[-1]), initializer="ones")
        self.b = self.add_weight(name="b", shape=(right[-1],), initializer="zeros")

    def call(self, inputs):
        a, b = inputs
        return tf.matmul(a, self.w) * b + self.b


class Gate(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.value = layers.Dense(units, kernel_initializer="ones")
        self.gate = layers.Dense(units, activation="sigmoid", kernel_initializer="zeros")

    def call(self, inputs):
        x, context = inputs
        return self.value(x) * self.gate(context)


a = keras.Input(shape=(3,), name="a")
b = keras.Input(shape=(4,), name="b")
mixed = Bilinear(name="mix")([a, b])
gated = Gate(4, name="gate")([mixed, a])
model = keras.Model([a, b], gated, name="two_inputs")
model.summary()
print(model.predict([np.ones((2, 3)), np.full((2, 4), 0.5)], verbose=0))
