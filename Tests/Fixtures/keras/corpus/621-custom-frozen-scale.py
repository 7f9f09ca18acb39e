# A per-channel scale and shift with a frozen weight, on feature maps (old positional add_weight).
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class ChannelAffine(layers.Layer):
    def build(self, input_shape):
        channels = input_shape[-1]
        self.gain = self.add_weight("gain", shape=(channels,), initializer="ones")
        self.shift = self.add_weight(
            "shift", shape=(channels,), initializer="zeros", trainable=False
        )

    def call(self, inputs):
        return inputs * self.gain + self.shift


model = keras.Sequential([
    keras.Input(shape=(16, 16, 3)),
    layers.Conv2D(8, 3, padding="same"),
    ChannelAffine(),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(4),
])
model.summary()
