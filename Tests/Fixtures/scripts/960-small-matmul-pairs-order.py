# A style loss compares Gram matrices: tf.matmul(F, F^T) of a few feature rows. TensorFlow's sgemm
# sums a value of a short last block of columns (at most 8 of 16), and of a last group of 3 rows
# (of 6), as two FMA chains over the even and the odd terms, added: with two terms that is
# a0*b0 + a1*b1, each product rounded first.
import numpy as np
import tensorflow as tf


def gram(features):
    return tf.matmul(features, tf.transpose(features))


small = tf.constant([[1.1, 2.3], [-0.7, 3.9], [5.3, -1.7]])
print(gram(small).numpy())

tf.random.set_seed(3)
styled = tf.random.normal([3, 5], mean=1.0, stddev=4.0)
generated = tf.random.normal([3, 5], mean=1.0, stddev=4.0)
difference = gram(styled) - gram(generated)
print(gram(styled).numpy())
print(float(tf.reduce_sum(tf.square(difference)) / (4.0 * 9 * 25)))

rng = np.random.RandomState(11)
for rows, inner, columns in [(4, 7, 5), (9, 6, 16), (6, 13, 20), (3, 9, 16), (12, 10, 3)]:
    a = tf.constant(rng.standard_normal((rows, inner)).astype(np.float32))
    b = tf.constant(rng.standard_normal((inner, columns)).astype(np.float32))
    product = tf.matmul(a, b).numpy()
    print(rows, inner, columns, product[-1], product[:, -1])
