# A hand-written dense layer: its own kernel and bias made in build() with add_weight.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class HandDense(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        self.kernel = self.add_weight(
            name="kernel", shape=(input_shape[-1], self.units), initializer="glorot_uniform"
        )
        self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros")

    def call(self, inputs):
        return tf.nn.relu(tf.matmul(inputs, self.kernel) + self.bias)


inputs = keras.Input(shape=(12,))
x = HandDense(16)(inputs)
x = HandDense(8, name="second")(x)
outputs = layers.Dense(2, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.summary()
