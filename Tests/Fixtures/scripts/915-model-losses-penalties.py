# model.losses and layer.losses of a seeded model whose weights have regularizers: one float32
# penalty per regularized weight (l1 * sum|w| + l2 * sum w^2), layer by layer, each layer's in
# the order its weights were made; a custom layer's add_weight(regularizer=...) counts too.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers, regularizers


class Gain(layers.Layer):
    def build(self, input_shape):
        self.scale = self.add_weight(
            name="scale", shape=(input_shape[-1],), initializer="random_normal",
            regularizer="l2")

    def call(self, inputs):
        return inputs * self.scale


keras.utils.set_random_seed(12)
image = keras.Input((8, 8, 2))
x = layers.Conv2D(3, 3, kernel_regularizer=regularizers.l1(0.002), bias_regularizer="l2")(image)
x = layers.Flatten()(x)
x = Gain()(x)
x = layers.Dense(5, kernel_regularizer=regularizers.l1_l2(l1=1e-3, l2=1e-2))(x)
model = keras.Model(image, layers.Dense(1)(x))
print(len(model.losses))
for penalty in model.losses:
    print(penalty)
print([round(float(p), 6) for p in model.layers[3].losses])
print(len(model.layers[4].losses))
print(round(float(sum(model.losses)), 5))
fresh = Gain()
print(fresh.losses)
