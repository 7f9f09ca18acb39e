# A Sequential model of custom layers made without an input shape, then used as a layer of another
# Sequential model whose input shape is known: Keras builds its custom layers there, on the output
# of the layers before it.
import numpy as np
import tensorflow as tf
from tensorflow import keras


class Offset(keras.layers.Layer):
    def build(self, input_shape):
        print("building", self.name, tuple(input_shape))
        self.offset = self.add_weight(name="offset", shape=(input_shape[-1],), initializer="ones")

    def call(self, inputs):
        return inputs + self.offset


head = keras.Sequential([Offset(), keras.layers.Dense(2), Offset(name="last_offset")])
print(len(head.layers), head.built)
body = keras.Sequential([keras.layers.Dense(3, input_shape=(5,), kernel_initializer="zeros")])
model = keras.Sequential([body, head])
model.summary()
print(head.built, [w.shape for w in head.weights])
print(model.predict(np.ones((2, 5)), verbose=0).shape)
