from tensorflow import keras
from tensorflow.keras import layers

import tensorflow as tf


class ConvBNReLU(layers.Layer):
    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.conv = layers.Conv2D(filters, 3, padding="same")
        self.bn = layers.BatchNormalization()

    def call(self, inputs, training=False):
        return tf.nn.relu(self.bn(self.conv(inputs), training=training))


class Residual(layers.Layer):
    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.block = ConvBNReLU(filters)
        self.project = layers.Conv2D(filters, 1)

    def call(self, inputs):
        return layers.add([self.block(inputs), self.project(inputs)])


inputs = keras.Input(shape=(8, 8, 3))
x = ConvBNReLU(4)(inputs)
x = Residual(6)(x)
x = layers.GlobalAveragePooling2D()(x)
model = keras.Model(inputs, layers.Dense(3)(x))
