"""Weights made by add_weight without a name: Keras 3 numbers them from one counter shared by
every layer of the session; tf-keras names each one Variable."""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class Affine(layers.Layer):
    def build(self, input_shape):
        self.gain = self.add_weight(shape=(input_shape[-1],), initializer="ones")
        self.shift = self.add_weight(shape=(input_shape[-1],), initializer="zeros")
        self.extra = self.add_weight(shape=(input_shape[-1],), initializer="zeros", name="extra")

    def call(self, inputs):
        return inputs * self.gain + self.shift + self.extra


first = Affine()
first(keras.Input((4,)))
print([w.name for w in first.weights])
second = Affine(name="second_affine")
second(keras.Input((2,)))
print([w.name for w in second.weights])
model = keras.Sequential([keras.Input((3,)), Affine(), layers.Dense(2)])
print([w.name for w in model.weights])
print(model.layers[0].gain.name, model.layers[0].shift.shape)
