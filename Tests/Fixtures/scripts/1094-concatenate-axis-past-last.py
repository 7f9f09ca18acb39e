# Keras 3's Concatenate with an axis past the last one, on inputs whose shapes agree: its build
# passes and the call fails, listing the call's arguments (tf-keras fails in build).
from tensorflow import keras

left = keras.Input((2, 5))
right = keras.Input((2, 5))
for axis in (3, 2**40):
    try:
        print(axis, keras.layers.Concatenate(axis=axis)([left, right]).shape)
    except IndexError as error:
        print(axis, "IndexError:", error)
