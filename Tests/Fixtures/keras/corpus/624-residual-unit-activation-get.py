# A residual unit layer that looks its activation up by name and loops over its sublayers.
import tensorflow as tf
from tensorflow import keras


class ResUnit(keras.layers.Layer):
    def __init__(self, filters, activation="relu", **kwargs):
        super().__init__(**kwargs)
        self.activation = keras.activations.get(activation)
        self.path = [
            keras.layers.Conv2D(filters, 3, padding="same", use_bias=False),
            keras.layers.BatchNormalization(),
            self.activation,
            keras.layers.Conv2D(filters, 3, padding="same", use_bias=False),
            keras.layers.BatchNormalization(),
        ]

    def call(self, inputs):
        z = inputs
        for step in self.path:
            z = step(z)
        return self.activation(z + inputs)


model = keras.Sequential([
    keras.layers.Input(shape=(32, 32, 3)),
    keras.layers.Conv2D(16, 3, padding="same"),
    ResUnit(16),
    ResUnit(16, activation="elu"),
    keras.layers.GlobalAveragePooling2D(),
    keras.layers.Dense(10, activation="softmax"),
])
model.summary()
