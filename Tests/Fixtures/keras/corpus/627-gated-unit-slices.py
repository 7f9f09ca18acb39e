# A gated activation layer that splits its channels with slicing, inside dilated causal blocks.
import tensorflow as tf
from tensorflow import keras


class GatedUnit(keras.layers.Layer):
    def __init__(self, activation="tanh", **kwargs):
        super().__init__(**kwargs)
        self.activation = keras.activations.get(activation)

    def call(self, inputs):
        half = inputs.shape[-1] // 2
        return self.activation(inputs[..., :half]) * keras.activations.sigmoid(inputs[..., half:])


inputs = keras.Input(shape=[None, 4])
z = keras.layers.Conv1D(16, 2, padding="causal")(inputs)
for rate in (1, 2, 4):
    h = keras.layers.Conv1D(32, 2, padding="causal", dilation_rate=rate)(z)
    h = GatedUnit()(h)
    h = keras.layers.Conv1D(16, 1)(h)
    z = keras.layers.Add()([z, h])
outputs = keras.layers.Conv1D(8, 1)(z)
model = keras.Model(inputs, outputs)
model.summary()
