# TensorFlow 1's name of the global seed, as migrated TF1 code keeps it: in eager TensorFlow 2,
# tf.compat.v1.set_random_seed sets the same seed as tf.random.set_seed, so the eager draws after
# it repeat on every run, and setting it again starts them over.
import numpy as np
import tensorflow as tf

np.random.seed(0)
tf.compat.v1.set_random_seed(5)
print(tf.random.uniform((3,)))
print(tf.random.normal((2, 2)).numpy().round(4))
tf.compat.v1.random.set_random_seed(5)
print(tf.random.uniform((3,)))
print(np.random.rand(2))
