# TensorFlow adds tensors of one dtype only: an int32 tensor plus a float32 one is its error.
import tensorflow as tf

steps = tf.constant([1, 2, 3])
rates = tf.constant([0.5, 0.25, 0.125])
print(steps * 2)
print(steps + rates)
