import collections

from tensorflow import keras
from tensorflow.keras import layers

Block = collections.namedtuple("Block", ["filters", "kernel_size", "pool"])


def make_blocks(specs):
    return [Block(*spec) for spec in specs]


def build(blocks):
    model = keras.Sequential([keras.Input(shape=(32, 32, 3))])
    for block in blocks:
        model.add(layers.Conv2D(block.filters, block.kernel_size, padding="same"))
        if block.pool:
            model.add(layers.MaxPooling2D())
    return model


model = build(make_blocks([(16, 3, True), (32, 3, False)]))
print(model.count_params(), [layer.name for layer in model.layers])
model = build(make_blocks([(16, 3, True), (32, 3)]))
