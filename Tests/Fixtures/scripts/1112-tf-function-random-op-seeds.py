# Random ops inside a tf.function take their seeds from the graph it traces: with a global seed,
# the unseeded ones get 0, 1, 2, ... in the order the trace makes them (not the eager draws of
# random.Random(seed)); each op keeps its own generator from call to call, a new trace (another
# Python number argument, another tensor shape) starts fresh ones, and set_seed restarts them all
# without retracing.
import numpy as np
import tensorflow as tf

tf.random.set_seed(7)
print(tf.random.normal([2]))


@tf.function
def noisy(scale):
    a = tf.random.uniform([3])
    b = tf.random.normal([2], seed=11)
    c = tf.random.normal([1])
    return a * scale, b, c


print(noisy(1.0))
print(noisy(1.0))
print(noisy(2.0))
print(tf.random.normal([2]))
print(noisy(tf.constant(1.0)))
print(noisy(tf.constant(3.0)))
tf.random.set_seed(7)
print(noisy(1.0))
tf.random.set_seed(123)
print(noisy(tf.constant(5.0)))
print(noisy(np.float32(2.0)))
print(tf.random.uniform([2], seed=11))
