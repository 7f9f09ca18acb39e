# A custom dense layer that takes its initializer and activation by name, the way library
# layers resolve their arguments: keras.initializers.get / keras.activations.get.
import numpy as np
import tensorflow as tf
from tensorflow import keras


class ScaledDense(keras.layers.Layer):
    def __init__(self, units, kernel_initializer="he_normal", activation=None, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.kernel_initializer = keras.initializers.get(kernel_initializer)
        self.activation = keras.activations.get(activation)

    def build(self, input_shape):
        self.kernel = self.add_weight(
            name="kernel", shape=(input_shape[-1], self.units),
            initializer=self.kernel_initializer)
        self.scale = self.add_weight(name="scale", shape=(self.units,), initializer="ones")

    def call(self, inputs):
        return self.activation(tf.matmul(inputs, self.kernel) * self.scale)


for name in ["glorot_uniform", "HeUniform", "zeros", None]:
    print(repr(name), "->", type(keras.initializers.get(name)).__name__)
print(type(keras.initializers.get(keras.initializers.RandomNormal(stddev=0.05))).__name__)

inputs = keras.Input(shape=(6,))
x = ScaledDense(4, kernel_initializer="lecun_normal", activation="relu", name="scaled")(inputs)
outputs = ScaledDense(
    1, kernel_initializer=keras.initializers.Zeros(), activation="sigmoid", name="head")(x)
model = keras.Model(inputs, outputs)
model.summary()
print(model.predict(np.ones((2, 6)), verbose=0))

for bad in ["glorot_uniformm", 7]:
    try:
        keras.initializers.get(bad)
    except ValueError as error:
        print("ValueError:", error)
