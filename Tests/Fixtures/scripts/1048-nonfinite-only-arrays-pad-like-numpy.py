# NumPy gives inf, -inf and nan a column as wide as the widest of them even when no finite value
# sets the width: an array of only non-finite values prints [ inf -inf], also inside tf.Tensor.
import numpy as np
import tensorflow as tf

print(np.array([float("inf"), float("-inf")], dtype=np.float32))
print(tf.constant([float("inf"), float("-inf")]))
print(tf.constant([[float("-inf")], [float("nan")]]))
print(tf.constant([float("nan"), float("inf")]))
print(np.array([float("nan")]), np.array([float("-inf")]))
print(tf.constant([float("inf"), float("-inf"), 1.5]))
print(tf.math.log(tf.constant([0.0, 0.0])), tf.math.log(tf.constant([-1.0, 0.0])))
print(repr(np.array([float("-inf"), float("inf")])))
