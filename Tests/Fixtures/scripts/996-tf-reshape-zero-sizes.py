# tf.reshape computes its -1 as TensorFlow's ReshapeOp does: the input's size over the product of
# the other sizes, both leaving out zero sizes when the requested shape has one, so (0,) becomes
# (1, 0) for (-1, 0). Its errors name the first bad size, left to right.
import tensorflow as tf

cases = [
    ((0,), (-1, 0)),
    ((0, 3), (0, -1)),
    ((2, 0, 3), (-1, 0)),
    ((0,), (-1, 2)),
    ((4,), (0, -1)),
    ((4,), (-1, -1)),
    ((4,), (2, -2)),
    ((6,), (4, -1)),
    ((6,), (4, 2)),
]
for shape, new in cases:
    try:
        print(shape, new, tf.reshape(tf.zeros(shape), new).shape)
    except Exception as error:
        print(shape, new, type(error).__name__, error)
