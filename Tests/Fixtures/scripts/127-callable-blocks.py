"""Blocks written as callable classes (__call__) and applied to Keras tensors."""
from tensorflow import keras
from tensorflow.keras import layers


class ConvBlock:
    count = 0

    def __init__(self, filters, pool=True):
        ConvBlock.count += 1
        self.filters = filters
        self.pool = pool
        self.conv = layers.Conv2D(filters, 3, padding="same", activation="relu")

    def __call__(self, x):
        x = self.conv(x)
        if self.pool:
            x = layers.MaxPooling2D()(x)
        return x

    def __repr__(self):
        return "ConvBlock(%d, pool=%s)" % (self.filters, self.pool)


blocks = [ConvBlock(8), ConvBlock(16), ConvBlock(32, pool=False)]
print(blocks, ConvBlock.count, callable(blocks[0]))
inputs = keras.Input(shape=(64, 64, 3))
x = inputs
for block in blocks:
    x = block(x)
outputs = layers.Dense(2)(layers.Flatten()(x))
model = keras.Model(inputs, outputs, name="blocks")
model.summary()
print(blocks[2].conv.name, blocks[2].conv.filters)
