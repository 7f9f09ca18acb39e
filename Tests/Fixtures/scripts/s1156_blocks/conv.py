from functools import partial

from tensorflow.keras import layers

Conv3x3 = partial(layers.Conv2D, kernel_size=3, padding="same", activation="relu")


def conv_block(x, filters, pool=True):
    x = Conv3x3(filters)(x)
    x = Conv3x3(filters)(x)
    if pool:
        x = layers.MaxPooling2D()(x)
    return x


def head(x, classes):
    x = layers.GlobalAveragePooling2D()(x)
    return layers.Dense(classes, activation="softmax", name="scores")(x)


BLOCKS = [conv_block.__name__, head.__name__]
print("loading", __name__)
