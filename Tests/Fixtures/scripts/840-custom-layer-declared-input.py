# A custom layer that forwards **kwargs to Layer.__init__ and is given the input shape there:
# a Sequential model that starts with it makes its input layer from that shape.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class Scaled(layers.Layer):
    def __init__(self, units=4, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.inner = layers.Dense(units)

    def call(self, inputs):
        return self.inner(inputs) * 2.0

    def get_config(self):
        config = super().get_config()
        config.update({"units": self.units})
        return config


class Plain(layers.Layer):
    def call(self, inputs):
        return tf.nn.relu(inputs)


model = keras.Sequential([Scaled(3, input_shape=(6,)), layers.Dense(2)])
model.summary()
print([layer.name for layer in model.layers])
print(model.input_shape, model.output_shape)
print(sorted(model.layers[0].get_config().items()))

second = keras.Sequential()
second.add(Plain(input_shape=(5, 2), name="relu_first"))
second.add(layers.Flatten())
print(second.output_shape, second.count_params())
print(len(second.predict(np.ones((3, 5, 2)), verbose=0)))

third = keras.Sequential([Scaled(2, input_dim=7)])
print(third.input_shape, third.output_shape)

# In a functional model the declared shape has no effect.
inputs = keras.Input(shape=(9,))
outputs = Scaled(5, input_shape=(6,))(inputs)
print(keras.Model(inputs, outputs).output_shape)

fourth = keras.Sequential([Plain(batch_size=8, input_shape=(3,))])
print(fourth.input_shape)
