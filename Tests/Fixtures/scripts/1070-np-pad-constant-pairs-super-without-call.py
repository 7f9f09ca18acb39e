# Two course-code slips and idioms: np.pad's constant_values broadcast like pad_width (one number,
# a (before, after) pair, or a pair per axis; a corner takes the last axis' value), as the
# zero-padding helper of a CNN course writes it; and `super.__init__(**kwargs)` without calling
# super, which Python rejects: the slot wrapper needs a super object.
import numpy as np
from tensorflow import keras


def zero_pad(X, pad):
    return np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode="constant", constant_values=(0, 0))


x = np.arange(1, 9, dtype="float32").reshape(2, 2, 2, 1)
padded = zero_pad(x, 1)
print(padded.shape, padded[1, :, :, 0])
print(np.pad(np.ones((2, 2), dtype=int), ((1, 0), (2, 1)), constant_values=((5, 6), (7, 8))))
print(np.pad([1, 2, 3], (2, 1), constant_values=(-1, 9)), np.pad(np.eye(2), 1, constant_values=0.5))
print(keras.layers.ZeroPadding2D(1)(x).shape)


class ResidualUnit(keras.layers.Layer):
    def __init__(self, filters, **kwargs):
        super.__init__(**kwargs)
        self.filters = filters


print(super.__init__)
try:
    super.__init__([1, 2])
except TypeError as error:
    print(error)
ResidualUnit(64, name="unit")
