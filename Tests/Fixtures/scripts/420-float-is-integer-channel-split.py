# A hand-written shuffle block checks that its channels split evenly with float.is_integer
# before it slices them in two.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


def split_block(x, groups=2):
    channels = x.shape[-1]
    share = channels / groups
    if not share.is_integer():
        raise ValueError("channels %d do not split into %d groups" % (channels, groups))
    share = int(share)
    left = layers.Lambda(lambda t: t[..., :share])(x)
    right = layers.Lambda(lambda t: t[..., share:])(x)
    right = layers.Conv2D(share, 1, activation="relu")(right)
    return layers.Concatenate()([left, right])


inputs = keras.Input(shape=(16, 16, 8))
x = split_block(inputs)
model = keras.Model(inputs, x)
model.summary()
print((7 / 2).is_integer(), (8 / 2).is_integer(), float("nan").is_integer())
try:
    split_block(layers.Conv2D(5, 3)(inputs))
except ValueError as error:
    print("refused:", error)
print((1.0).is_integer(2))
