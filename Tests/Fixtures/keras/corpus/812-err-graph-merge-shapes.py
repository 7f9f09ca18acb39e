# Merge mistakes in graphs, one per cell: Concatenate along an axis whose neighbours differ,
# Add of a projection with the wrong stride, Multiply of mismatched widths, Concatenate on a
# channels_first axis that does not exist.
from tensorflow import keras
from tensorflow.keras import layers

x = keras.Input(shape=(16, 16, 8))
wide = layers.Conv2D(8, 3, strides=2, padding="same")(x)
# %%
joined = layers.Concatenate(axis=1)([x, wide])
# %%
short = layers.Conv2D(8, 1, strides=1)(x)
body = layers.Conv2D(8, 3, strides=2, padding="same")(x)
out = layers.add([body, short])
# %%
g = layers.Dense(4)(layers.GlobalAveragePooling2D()(x))
scaled = layers.Multiply()([x, layers.Reshape((1, 1, 4))(g)])
# %%
cat = layers.concatenate([x, x], axis=4)
# %%
print(layers.Average()([x, x]).shape)
