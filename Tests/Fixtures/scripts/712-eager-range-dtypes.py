# tf.range takes the widest dtype of its arguments: NumPy scalars and tensors keep theirs.
import numpy as np
import tensorflow as tf

steps = np.int64(3)
print(tf.range(steps), tf.range(np.float64(2.0)), tf.range(3.0), tf.range(np.int32(2), 5))
print(tf.range(2**31, 2**31 + 2), tf.range(tf.constant(4, dtype=tf.int64)), tf.range(np.float32(1.5)))
print(tf.range(1, np.int64(4), 1.5), tf.range(5, dtype=tf.float64), tf.range(10, 0, -3))
