# A student's pattern binds the same name twice: CPython refuses the whole file when it compiles
# it ("multiple assignments to name 'width' in pattern"), so nothing is printed.
from tensorflow import keras

print("building")


def describe(shape):
    match shape:
        case (None, height, width, width):
            return f"{height}x{width}"
        case _:
            return "other"


model = keras.Sequential([keras.Input((8, 8, 3)), keras.layers.Conv2D(4, 3)])
print(describe(model.output_shape))
