# Eager float32 math printed to the last digit: TensorFlow computes tanh, sigmoid, exp and pow
# with Eigen's own approximations (the first whole packets of 8 values one way, the rest another),
# softmax and matmul with oneDNN. A small "activation table" as course notebooks print it.
import numpy as np
import tensorflow as tf

grid = np.linspace(-2.0, 2.0, 12).astype("float32")
print("tanh   ", tf.tanh(grid).numpy())
print("sigmoid", tf.sigmoid(grid).numpy())
print("exp    ", tf.exp(grid).numpy())
print("tail   ", tf.math.tanh(grid[:5]).numpy(), tf.math.exp(grid[3:6]).numpy())
print("nn     ", tf.nn.sigmoid(grid[:9]).numpy(), tf.nn.tanh(grid[:9]).numpy())

ratios = tf.constant(np.arange(12, dtype="float32") / 11.0)
print("squares", tf.pow(ratios, 2.0).numpy())
print("power  ", (ratios ** 3).numpy(), tf.math.pow(ratios, 0.5).numpy())
print("mixed  ", tf.pow(tf.constant([[0.5], [1.5]]), tf.constant([1.0, 2.0, -1.5, 3.0, 0.25, 2.0, 4.0, 0.0, 2.5])).numpy())

logits = np.linspace(-1.0, 2.0, 12, dtype="float32").reshape(3, 4)
print("softmax", tf.nn.softmax(logits).numpy())
print("axis 0 ", tf.nn.softmax(logits, axis=0).numpy())
print("classic", tf.nn.softmax([2.0, 1.0, 0.1]).numpy())
wide = (np.arange(40, dtype="float32") % 7 - 3) * 0.9
print("wide   ", tf.nn.softmax(wide.reshape(2, 20)).numpy())
print("long   ", tf.nn.softmax((np.arange(70, dtype="float32") % 11) / 4.0).numpy()[:8])

weights = (np.arange(24, dtype="float32").reshape(6, 4) - 11.5) / 7.0
inputs = (np.arange(18, dtype="float32").reshape(3, 6) % 5) / 3.0
print("matmul ", tf.matmul(inputs, weights).numpy())
print("at     ", (tf.constant(inputs) @ tf.constant(weights)).numpy())
print("tensor ", tf.sigmoid(tf.constant([[-1.0, 0.25], [3.5, -0.75]])))
