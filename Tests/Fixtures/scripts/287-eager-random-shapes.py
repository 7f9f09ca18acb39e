# Random tensors: ConvBook's values are its own, so only shapes and dtypes are shown.
import tensorflow as tf

tf.random.set_seed(1)
noise = tf.random.normal((2, 3), mean=0.0, stddev=0.1)
print(noise.shape, noise.dtype)
coins = tf.random.uniform((4,), minval=0, maxval=2, dtype=tf.int32)
print(coins.shape, coins.dtype)
wide = tf.random.normal([3], dtype=tf.float64)
print(wide.shape, wide.dtype)
print(tf.zeros_like(noise).numpy())
