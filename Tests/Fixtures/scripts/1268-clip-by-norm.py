# tf.clip_by_norm rescales a tensor whose L2 norm passes the limit (over all values, or along
# axes), as gradient-clipping code calls it.
import tensorflow as tf
import numpy as np

print(tf.clip_by_norm(tf.constant([3.0, 4.0]), 1.0))
print(tf.clip_by_norm(tf.constant([0.3, -0.4]), 1.0))
print(tf.clip_by_norm(tf.constant([[1.0, 2.0], [3.0, 4.0]]), 2.5))
print(tf.clip_by_norm(tf.constant([[1.0, 2.0], [3.0, 4.0]]), 2.5, axes=[1]))
print(tf.clip_by_norm(tf.constant([[1.0, 2.0], [3.0, 4.0]]), 2.5, axes=0))
print(tf.clip_by_norm(np.array([0.5, 1.5, -2.5]), 1.0))
print(tf.clip_by_norm(tf.zeros([3]), 1.0))
print(tf.clip_by_norm([2.0, 2.0, 1.0], tf.constant(0.3)))
gradients = [tf.constant([6.0, 8.0]), tf.constant([[0.1, 0.2]])]
print([tf.clip_by_norm(g, 5.0) for g in gradients])
