# TensorFlow 2 moved most math functions into tf.math and kept only some at the top level:
# tf.log, tf.ceil, tf.rsqrt and others are TensorFlow 1's names, an AttributeError now.
import tensorflow as tf

x = tf.constant([1.0, 4.0])
print(tf.math.log(x), tf.math.ceil(x / 3), tf.math.rsqrt(x))
for name in ["log", "ceil", "rsqrt", "reciprocal", "log1p", "floordiv", "mod", "logical_xor",
             "softplus", "exp", "floor", "sqrt", "logical_and"]:
    print(name, hasattr(tf, name), hasattr(tf.math, name))
print(tf.nn.softplus(x))
probabilities = tf.nn.softmax(x)
print(-tf.reduce_sum(probabilities * tf.log(probabilities)))
