# Python floats packed into the float32 tensor TensorFlow infers must fit float32: a finite number
# beyond it is refused, while a dtype given up front (or the other operand's, in arithmetic) turns
# it into inf.
import numpy as np
import tensorflow as tf

print(tf.constant([3.4028235e38, -1e-50]))
print(tf.constant([1e39], dtype=tf.float32))
print(tf.constant(1e39, dtype=tf.float64))
print(tf.ones((2,)) * 1e39)
print(tf.constant([np.float64(1e39)]))
for values in [1e39, [1.0, -1e39], [[2.0], [5e38]], [1, 1e300]]:
    try:
        print(tf.constant(values))
    except ValueError as error:
        print("ValueError:", error)
print(tf.constant([float("inf"), -float("inf")]))
