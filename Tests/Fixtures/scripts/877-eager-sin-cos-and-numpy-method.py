# tf.sin and tf.cos of float32 tensors as TensorFlow's kernels compute them (Eigen's packet
# approximation for each full group of eight values, the C library's for the rest, Payne-Hanek's
# reduction for large angles), and the repr of a tensor's bound `numpy` method.
import numpy as np
import tensorflow as tf

angles = tf.constant(np.linspace(-20.0, 20.0, 43).astype(np.float32))
print(tf.sin(angles).numpy().tolist())
print(tf.cos(angles).numpy().tolist())
far = tf.constant([3.0e4, -1.2e5, 7.5e6, 2.0e9, 1.0e20, 0.5, 0.25, 0.125, 1.0])
print(tf.sin(far).numpy().tolist())
print(tf.cos(far).numpy().tolist())
value = tf.constant([1.5, 2.5])
print(value.numpy)
print([tf.reduce_sum(value).numpy])
