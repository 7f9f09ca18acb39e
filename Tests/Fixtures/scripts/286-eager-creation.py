# Creating tensors of each dtype, and casting between them.
import tensorflow as tf

print(tf.range(5), tf.range(2, 11, 3))
print(tf.range(0.0, 1.0, 0.25))
print(tf.range(4, dtype=tf.int64))
print(tf.zeros((2, 2), dtype=tf.int32))
print(tf.ones((3,), dtype=tf.float64))
print(tf.ones((2,), dtype=tf.bool))
print(tf.zeros((2, 3), dtype=tf.uint8))
print(tf.fill((2, 3), 9), tf.fill([2], 0.5))
print(tf.eye(3))
print(tf.eye(2, 3, dtype=tf.int32))
print(tf.cast(tf.constant([1.9, -1.9, 0.5]), tf.int32))
print(tf.cast(tf.constant([0, 3]), tf.bool))
print(tf.cast(tf.range(3), tf.float32) / 2)
print(tf.ones_like(tf.constant([[1, 2]])))
