# String tensors joined with `+` (TensorFlow's AddV2 on strings), and the dtype aliases
# tf.double / tf.half.
import tensorflow as tf

greeting = tf.constant("conv")
parts = tf.constant(["pool", "dense"])
print(greeting + tf.constant("book"))
print(greeting + parts)
print(parts + "_layer")
print("keras." + parts)
grid = tf.constant([["a", "b"], ["c", "d"]])
print(grid + grid)

pi = tf.constant(3.25, dtype=tf.double)
print(pi, pi.dtype)
print(tf.double, tf.half, tf.double is tf.float64, tf.half == tf.float16)
print(tf.dtypes.double == "float64")
