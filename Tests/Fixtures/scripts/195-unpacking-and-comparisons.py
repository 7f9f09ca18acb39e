"""Starred unpacking, chained comparisons and walrus in a shape-checking helper."""
from tensorflow import keras
from tensorflow.keras import layers

input_shape = (96, 96, 3)
height, width, *channels = input_shape
print(height, width, channels)


def check_size(size, low=32, high=512):
    if not low <= size <= high:
        raise ValueError(f"size {size} not in [{low}, {high}]")
    return size


def layers_for(*widths, head=10):
    first, *rest = widths
    stack = [layers.Conv2D(first, 3, strides=2, activation="relu")]
    stack += [layers.Conv2D(w, 3, activation="relu") for w in rest]
    return [*stack, layers.GlobalAveragePooling2D(), layers.Dense(head)]


model = keras.Sequential([keras.Input(shape=(check_size(height), check_size(width), *channels)), *layers_for(8, 16, 32)])
model.summary()
if (n := len(model.layers)) > 4:
    print("deep enough:", n)
shape = model.output_shape
batch, *features = shape
print(batch, features, 0 < features[0] < 100 != 99)
try:
    check_size(16)
except ValueError as error:
    print(error)
