# Lists of NumPy scalars converted to eager tensors: np.float64 makes float64, NumPy ints int32.
import numpy as np
import tensorflow as tf

weights = [np.float64(0.25), 0.5, 1]
print(tf.constant(weights))
print(tf.convert_to_tensor([np.float32(1.5), 2.0]))
print(tf.constant([np.int64(3), 4]), tf.constant([np.int32(7)]).dtype)
print(tf.constant([[np.float64(1.0)], [2.0]]).dtype, tf.constant((np.float64(2),)).dtype)
print(tf.constant([np.float32(1), np.float64(2)]).dtype, tf.constant([np.bool_(True)]))
print(tf.range(np.int64(4)), tf.range(np.int32(1), 3).dtype, tf.range(np.float32(2)).dtype)
print(tf.constant(np.int64(3)).dtype, tf.constant(np.float64(2.5)).dtype)
scaled = tf.constant(weights) * tf.constant(2.0, dtype=tf.float64)
print(scaled.numpy(), scaled.dtype)
print(tf.reduce_sum(tf.constant([np.float64(0.1)] * 3)).numpy())
print(tf.constant([1.5, np.float64(2)]).dtype, tf.constant([np.int64(1), np.float64(2)]).dtype)
print(tf.constant([[1.0], [np.float64(2)]]).dtype, tf.constant([np.int32(1), 2.5]).dtype)
