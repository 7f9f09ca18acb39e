from tensorflow import keras
from tensorflow.keras import layers

block_count = 0


def block(x, filters):
    global block_count
    block_count += 1
    x = layers.Conv2D(filters, 3, padding="same", name=f"block{block_count}_conv")(x)
    x = layers.BatchNormalization(name=f"block{block_count}_bn")(x)
    return layers.ReLU(name=f"block{block_count}_relu")(x)


inputs = keras.Input((32, 32, 3))
x = inputs
for filters in (8, 16, 32):
    x = block(x, filters)
    x = layers.MaxPooling2D()(x)
model = keras.Model(inputs, layers.Flatten()(x))
print("blocks built:", block_count)
model.summary()
