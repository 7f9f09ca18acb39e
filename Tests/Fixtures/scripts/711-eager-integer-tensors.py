# Eager integer tensors: int32 by default, exact arithmetic, int32 wrapping, casts.
import numpy as np
import tensorflow as tf

counts = tf.constant([4, 9, 16])
print(counts, counts.dtype, counts * 3, counts - 10, counts // 5, counts % 4, -counts)
print(counts / 2, tf.cast(counts, tf.float32) / 3)
print(tf.cast(tf.constant([2.9, -2.9, 0.5]), tf.int32), tf.cast(counts, tf.int64))
big = tf.constant(2_000_000_000)
print(big + big, big * 3, tf.constant([2**31 - 1]) + 1)
wide = tf.constant([[3, 1], [4, 1]], dtype=tf.int64) * 1_000_000_007
print(wide, tf.reduce_sum(wide), tf.reduce_mean(wide, axis=0), tf.reduce_max(wide))
print(tf.matmul(wide, tf.constant([[2], [5]], dtype=tf.int64)), wide.numpy().dtype)
steps = tf.range(1, 20, 4)
print(steps, tf.square(steps), steps ** 2, tf.reduce_prod(steps), tf.cast(steps, tf.int64) * 10**12)
print(tf.constant(7) * tf.constant(6), int(tf.constant(5) + 2), tf.constant([1, 2]).numpy() * 2**40)
