# TensorFlow's dtypes equal NumPy's scalar types (tf.as_dtype reads them), NumPy 2's np.bool, and
# a Dense layer built on a shape without its batch axis (both Kerases read only the last size).
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

print(tf.int64 == np.int64, tf.bool == np.bool, tf.float64 == np.float64)
print(tf.float32 == np.float64, tf.uint8 != np.uint8, np.bool is np.bool_)
print(tf.constant(2, dtype=np.int64).dtype, np.array([1, 0], dtype=np.bool).dtype)

layer = layers.Dense(units=3)
layer.build(input_shape=(2,))
print([w.shape for w in layer.weights])
print(layer(tf.ones((4, 2))).shape)
