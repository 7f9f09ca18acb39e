# Inception modules in both layouts: channels last joined with Concatenate(axis=-1) and channels
# first joined with Concatenate(axis=1), each with a pooling branch.
from tensorflow import keras
from tensorflow.keras import layers


def module(x, sizes, axis, fmt, tag):
    one, (three_in, three), (five_in, five), pool_proj = sizes
    b1 = layers.Conv2D(one, 1, activation="relu", data_format=fmt)(x)
    b2 = layers.Conv2D(three_in, 1, activation="relu", data_format=fmt)(x)
    b2 = layers.Conv2D(three, 3, padding="same", activation="relu", data_format=fmt)(b2)
    b3 = layers.Conv2D(five_in, 1, activation="relu", data_format=fmt)(x)
    b3 = layers.Conv2D(five, 5, padding="same", activation="relu", data_format=fmt)(b3)
    b4 = layers.AveragePooling2D(3, strides=1, padding="same", data_format=fmt)(x)
    b4 = layers.Conv2D(pool_proj, 1, activation="relu", data_format=fmt)(b4)
    return layers.Concatenate(axis=axis, name=tag)([b1, b2, b3, b4])


last_in = keras.Input(shape=(24, 24, 32))
m = module(last_in, (8, (12, 16), (4, 8), 8), -1, "channels_last", "mix_a")
m = layers.MaxPooling2D(3, strides=2)(m)
m = module(m, (16, (16, 24), (4, 8), 8), 3, "channels_last", "mix_b")
last = keras.Model(last_in, m, name="inception_last")
last.summary()

first_in = keras.Input(shape=(32, 24, 24))
n = module(first_in, (8, (12, 16), (4, 8), 8), 1, "channels_first", "mix_c")
n = layers.GlobalAveragePooling2D(data_format="channels_first")(n)
first = keras.Model(first_in, layers.Dense(3)(n), name="inception_first")
first.summary()
print(first.get_layer("mix_c").output_shape)
