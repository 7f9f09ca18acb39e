"""Unique layer names from a global counter and a closure with nonlocal."""
from tensorflow import keras
from tensorflow.keras import layers

BLOCKS = 0


def next_block():
    global BLOCKS
    BLOCKS += 1
    return BLOCKS


def namer(prefix):
    count = 0

    def name(kind):
        nonlocal count
        count += 1
        return f"{prefix}{next_block()}_{kind}{count}"

    return name


def residual(x, filters, name):
    shortcut = x
    y = layers.Conv2D(filters, 3, padding="same", activation="relu", name=name("conv"))(x)
    y = layers.Conv2D(filters, 3, padding="same", name=name("conv"))(y)
    return layers.Add(name=name("add"))([shortcut, y])


inputs = keras.Input(shape=(16, 16, 8))
name = namer("res")
x = inputs
for _ in range(2):
    x = residual(x, 8, name)
model = keras.Model(inputs, x, name="resnet_mini")
model.summary()
print(BLOCKS, [layer.name for layer in model.layers][-2:])
