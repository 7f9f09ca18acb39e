# tf.print of eager values: TensorFlow's own summary of each tensor (the first and last three
# items of every axis, floats in the shortest %g that reads back), strings as they are, any other
# value as pprint shows it. Standard error by default; sys.stdout when asked.
import sys

import numpy as np
import tensorflow as tf

out = sys.stdout
ratios = tf.constant([0.5, 1 / 3, 2.0, 1e-7, 12345678.0, -0.0])
tf.print("ratios:", ratios, output_stream=out)
tf.print(tf.cast(ratios, tf.float64), output_stream=out)
grid = tf.reshape(tf.range(48), (4, 12))
tf.print(grid, output_stream=out)
tf.print(grid, summarize=1, output_stream=out)
tf.print(tf.reshape(tf.range(8), (2, 2, 2)), summarize=-1, output_stream=out)
tf.print(tf.constant([True, False, True]), tf.constant(7), tf.constant(2.5), output_stream=out)
tf.print("mean", tf.reduce_mean(ratios[:3]), "of", 3, "items", sep=" | ", output_stream=out)
tf.print({"loss": tf.constant(0.25), "acc": tf.constant([1.0, 0.5])}, output_stream=out)
tf.print([tf.constant(1), "two", 3.0, None], (4,), output_stream=out)
tf.print(np.array([1.5, 2.0]), tf.Variable([[1.0], [2.0]]), output_stream=out)
tf.print("no newline", end="", output_stream=out)
tf.print("", output_stream=out)
tf.print(tf.zeros((2, 0)), output_stream=out)
tf.print("to standard error:", grid[0, :2])
try:
    tf.print("x", colour="red")
except ValueError as error:
    print(error)
print("done")
