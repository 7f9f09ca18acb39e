# TensorFlow's CPU sums in float32: packets, four accumulators, a tree above 8192 values.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(2021)
for n in [7, 33, 100, 1000, 9000, 20000, 100000]:
    x = tf.constant(rng.standard_normal(n).astype(np.float32))
    print(n, tf.reduce_sum(x).numpy(), tf.reduce_mean(x).numpy())

m = tf.constant(rng.normal(2.0, 3.0, size=(37, 19)).astype(np.float32))
print(tf.reduce_sum(m, axis=0))
print(tf.reduce_mean(m, axis=1))
print(tf.reduce_mean(m, axis=[0, 1]), tf.reduce_sum(m, keepdims=True))
cube = tf.constant(rng.uniform(-1, 1, size=(3, 20, 11)).astype(np.float32))
print(tf.reduce_sum(cube, axis=1))
print(tf.reduce_mean(cube, axis=-1))
print(tf.reduce_sum(cube, axis=[1, 2]))
d = tf.constant(rng.standard_normal(5000))
print(tf.reduce_sum(d).numpy(), tf.reduce_mean(d).numpy())
