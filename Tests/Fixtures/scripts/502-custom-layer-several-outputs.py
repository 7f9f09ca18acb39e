# Custom layers whose call() returns several tensors, called on Keras tensors and on data.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class SplitHeads(layers.Layer):
    """Returns a main path and a gate, as a tuple."""

    def build(self, input_shape):
        self.main = layers.Dense(6, name=None)
        self.gate = keras.Sequential([layers.Dense(2), layers.ReLU()])

    def call(self, x):
        return self.main(x), tf.sigmoid(self.gate(x))


class Pyramid(layers.Layer):
    """Returns a list of three pooled views."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.conv = layers.Conv2D(3, 1)

    def call(self, x):
        y = self.conv(x)
        small = layers.MaxPooling2D()(y) if False else tf.nn.max_pool2d(y, 2, 2, "VALID")
        return [y, small, tf.reduce_mean(y, axis=[1, 2])]


inputs = keras.Input(shape=(4,))
main, gate = SplitHeads(name="heads")(inputs)
relu = layers.ReLU()(main)
both = layers.Concatenate()([relu, gate])
model = keras.Model(inputs, both, name="two_heads")
model.summary()
print(type(SplitHeads()(inputs)).__name__)

images = keras.Input(shape=(8, 8, 2))
views = Pyramid(name="pyramid")(images)
print(type(views).__name__, [v.shape for v in views])
pyramid_model = keras.Model(images, views[2])
pyramid_model.summary()

eager = SplitHeads()
first, second = eager(np.ones((3, 4), dtype="float32"))
print(first.shape, second.shape)
print(layers.ReLU().name)
