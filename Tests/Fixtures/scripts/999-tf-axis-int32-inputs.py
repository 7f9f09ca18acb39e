# TensorFlow hands a Python int axis to the op as an int32 input and keeps its low 32 bits:
# 2**32 + 1 sums over axis 1, 2**31 is the index -2147483648 (a list of axes is converted as
# int64 when one needs it). tf.squeeze's axes are an int32
# attribute, refused as such; tf.stack and tf.nn.softmax check their axis in Python first.
import tensorflow as tf

x = tf.reshape(tf.range(6.0), (2, 3))
print(tf.reduce_sum(x, axis=2**32 + 1))
print(tf.reduce_mean(x, axis=-(2**32) - 1))
print(tf.concat([x, x], axis=2**32).shape)
print(tf.argmax(x, axis=2**32 + 1))
print(tf.expand_dims(x, 2**33).shape)
print(tf.transpose(x, [2**32 + 1, 2**32]).shape)
calls = [
    ("expand_dims", lambda: tf.expand_dims(x, 2**31)),
    ("squeeze", lambda: tf.squeeze(x, axis=2**32)),
    ("stack", lambda: tf.stack([x, x], axis=2**32)),
    ("stack", lambda: tf.stack([x, x], axis=-4)),
    ("softmax", lambda: tf.nn.softmax(x, axis=2**32 + 1)),
    ("softmax", lambda: tf.nn.softmax(x, axis=2)),
    ("reduce_sum", lambda: tf.reduce_sum(x, axis=2**31 + 2)),
    ("reduce_max", lambda: tf.reduce_max(x, axis=[2**33, 1])),
]
for name, call in calls:
    try:
        print(name, call().shape)
    except Exception as error:
        print(name, type(error).__name__, error)
