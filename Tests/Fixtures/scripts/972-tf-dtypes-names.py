# tf.dtypes holds the same DType objects as tf.float32, tf.int32, ...: they print, compare and cast
# as those do, eagerly and inside a custom layer's call().
import numpy as np
import tensorflow as tf
from tensorflow import keras

print(tf.dtypes.float32, tf.dtypes.int64)
print(tf.dtypes.float32 == tf.float32, tf.dtypes.int32 == "int32", repr(tf.dtypes.bool))
counts = tf.cast(tf.constant([1, 2, 3]), tf.dtypes.float32)
print(counts)
print(counts.dtype == tf.dtypes.float32)


class Halve(keras.layers.Layer):
    def call(self, x):
        return tf.cast(x, tf.dtypes.float32) / 2.0


inputs = keras.Input(shape=(3,))
model = keras.Model(inputs, Halve(name="halve")(inputs))
print(model.predict(np.array([[2.0, 4.0, 7.0]], dtype="float32"), verbose=0))
