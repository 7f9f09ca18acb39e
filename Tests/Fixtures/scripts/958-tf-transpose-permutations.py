# tf.transpose checks its permutation in the kernel, in TensorFlow's words: an axis out of range,
# then an axis missing. The kernel keeps each axis' low 32 bits, and a list with an axis beyond
# int32 is converted as int64, whose error names no op.
import tensorflow as tf

x = tf.zeros((2, 3))
for perm in [[0, 0], [1, 1], [-1, 0], [0, 2], [0, 2**32], [2**32 + 1, 2**32], [0, 1, 2], [1, 0]]:
    try:
        print(perm, tf.transpose(x, perm).shape)
    except Exception as error:
        print(perm, type(error).__name__, error)
