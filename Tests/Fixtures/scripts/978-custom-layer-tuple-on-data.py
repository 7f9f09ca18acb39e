# A custom layer called on data with two tensors whose call() returns a tuple: Keras runs call()
# eagerly and returns the tuple of eager tensors, unpacked by the caller.
import numpy as np
import tensorflow as tf
from tensorflow import keras


class Pooling(keras.layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.score = keras.layers.Dense(1, kernel_initializer="ones")

    def call(self, values, keys):
        weights = self.score(values * keys)
        return tf.reduce_sum(weights * values, axis=1), weights


values = np.arange(12, dtype="float32").reshape(2, 3, 2)
keys = np.ones((2, 3, 2), dtype="float32")
context, weights = Pooling()(values, keys)
print(context)
print(weights.shape)
print(weights.numpy()[:, :, 0])
