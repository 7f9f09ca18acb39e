# A future statement inside a helper function: Python rejects it where it stands.
from tensorflow import keras


def build(units):
    from __future__ import division
    return keras.Sequential([keras.Input((units,)), keras.layers.Dense(units // 2)])


print(build(6).output_shape)
