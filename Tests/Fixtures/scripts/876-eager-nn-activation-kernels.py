# tf.nn activations run eagerly as TensorFlow's float32 kernels compute them: softplus, elu,
# selu and log1p through Eigen's exp/log approximations (packets of eight values, the C
# library's functions for the rest, so the last digits depend on the position), silu as
# x * sigmoid(x), relu6 and softsign exactly.
import numpy as np
import tensorflow as tf

x = tf.constant(np.linspace(-9.0, 9.0, 37).astype(np.float32))
for name, function in [
    ("softplus", tf.nn.softplus),
    ("elu", tf.nn.elu),
    ("selu", tf.nn.selu),
    ("silu", tf.nn.silu),
    ("relu6", tf.nn.relu6),
    ("softsign", tf.nn.softsign),
]:
    values = function(x).numpy()
    print(name, values[:16].tolist())
    print(name, values[16:].tolist())
print(tf.math.log1p(tf.abs(x)).numpy().tolist())
print(tf.nn.softplus(tf.constant([-20.0, 20.0, 0.5])))
