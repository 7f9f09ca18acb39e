# Eager tensors and NumPy arrays holding inf, nan, -0.0 and subnormals: printing, reductions
# (a NaN makes TensorFlow's max and min NaN), and the edges of Python floats (hardening).
import numpy as np
import tensorflow as tf

edges = [float("inf"), -float("inf"), float("nan"), -0.0, 1e-45, 1e38]
t = tf.constant(edges)
print(t)
print(tf.reduce_sum(t), tf.reduce_mean(t), tf.reduce_max(t), tf.reduce_min(t))
print(tf.reduce_max(tf.constant([[1.0, float("nan")], [2.0, 3.0]]), axis=1))
print(tf.reduce_min(tf.constant([[float("nan"), 1.0], [2.0, 3.0]]), axis=0))
print(tf.reduce_max(tf.constant([-0.0, 0.0])), tf.reduce_max(tf.zeros((0,))))
print(tf.math.sqrt(tf.constant([-1.0, 0.0, -0.0])))

a = np.array([np.inf, -np.inf, np.nan, -0.0, 5e-324, 1e308])
print(a, a.sum(), a.max(), a.min())
print(np.array([-0.0, 1.5]), np.array([5e-324, 1.0]), np.clip(a, -1, 1))

for v in [float("inf"), -float("inf"), float("nan"), -0.0, 5e-324, 1.7976931348623157e308]:
    print(v, repr(v), f"{v:.3e}", f"{v:g}", f"{v:,.2f}")
print(1e308 * 10, -1e308 * 10, 0.0 * -1, 5e-324 / 2, max([float("nan"), 1.0]))
