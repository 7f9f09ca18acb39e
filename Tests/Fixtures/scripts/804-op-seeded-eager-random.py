# Only an op-level seed: TensorFlow pairs it with its default global seed.
import tensorflow as tf

sample = tf.random.normal([2, 1], seed=1)
print(sample.numpy())
print(tf.random.uniform([6], seed=3).numpy())
print(tf.random.uniform([6], seed=3).numpy())
print(tf.random.normal([3], seed=0).numpy())
