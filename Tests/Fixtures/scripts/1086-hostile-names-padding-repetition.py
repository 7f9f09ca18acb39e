# Hostile batch 12: a padding that is no string, models given an empty name, and sequence
# repetitions past CPython's own limits (which fail before anything is allocated).
from tensorflow import keras

for padding in (3, None, 2.5):
    try:
        keras.layers.Conv2D(4, 3, padding=padding)
    except Exception as error:
        print(type(error).__name__, error)

try:
    keras.layers.MaxPooling2D(2, padding=1)
except Exception as error:
    print(type(error).__name__, error)

inputs = keras.Input((3,))
blank = keras.Model(inputs, keras.layers.Dense(2, name="head")(inputs), name="")
print(repr(blank.name))
chain = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)], name="")
print(repr(chain.name))
chain.summary()

try:
    rows = [0.0] * (2**61)
except MemoryError as error:
    print("MemoryError", repr(error))
try:
    grid = (1, 2, 3) * (2**60)
except MemoryError:
    print("tuple too long")
try:
    text = "ab" * (2**62)
except OverflowError as error:
    print("OverflowError", error)
print(len([1, 2] * -4), "ok" * 0 == "")
