# Python 2 code is a SyntaxError before anything runs: CPython prints where it is, with carets,
# and no traceback (nothing above it runs, not even this print).
from tensorflow import keras

print("building")
model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])


def scale((low, high), value):
    return (value - low) / (high - low)
