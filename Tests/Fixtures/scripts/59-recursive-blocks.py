# A recursive builder whose stopping rule is wrong: Python's recursion limit ends it.
from tensorflow import keras
from tensorflow.keras import layers


def downsample(x, size, target):
    if size == target:
        return x
    x = layers.MaxPooling2D()(x)
    return downsample(x, size // 2, target)


inputs = keras.Input(shape=(32, 32, 3))
x = downsample(inputs, 32, 4)
print(x.shape)
model = keras.Model(inputs, layers.Flatten()(x))
print(model.output_shape)
depth = 0


def count(n):
    global depth
    depth += 1
    return count(n - 1) if n != 0 else 0


count(-1)
