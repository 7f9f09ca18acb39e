# Seeded eager random tensors print TensorFlow's own numbers: the global seed pairs with a
# per-call seed drawn from it, an explicit seed continues its own stream, set_seed starts over.
import tensorflow as tf

tf.random.set_seed(7)
noise = tf.random.normal([2, 3])
print(noise)
print(tf.random.uniform([4]))
print(tf.random.normal([5], mean=1.5, stddev=0.25).numpy())
print(tf.random.uniform((2, 2), minval=-1.0, maxval=1.0).numpy())
print(tf.random.uniform([3], maxval=10.0).numpy())
print(tf.random.uniform([3], 2, 5, dtype=tf.float32).numpy())

tf.random.set_seed(7)
print(tf.random.normal([2, 3]).numpy())
print(tf.random.normal([3], seed=11).numpy())
print(tf.random.normal([3], seed=11).numpy())
print(tf.random.uniform([9], seed=11).numpy())

tf.random.set_seed(2024)
weights = tf.Variable(tf.random.normal((3, 2), stddev=0.1))
inputs = tf.random.uniform((4, 3))
print(weights.numpy())
print(tf.matmul(inputs, weights).numpy())
