# Layer errors in the middle of a graph, one per cell: cropping more than the map, a transposed
# convolution with output_padding not smaller than the stride, a Reshape that does not fit,
# and a Dense whose input has an unknown last dimension.
from tensorflow import keras
from tensorflow.keras import layers

feat = keras.Input(shape=(12, 12, 4))
branch = layers.Conv2D(4, 3)(feat)
# %%
cropped = layers.Cropping2D(((3, 3), (6, 5)))(branch)
# %%
up = layers.Conv2DTranspose(4, 3, strides=2, output_padding=2)(branch)
# %%
flat = layers.Reshape((8, 8, 6))(branch)
# %%
free = keras.Input(shape=(12, None))
dense = layers.Dense(3)(free)
# %%
small = layers.MaxPooling2D(pool_size=4)(branch)
smaller = layers.Conv2D(2, 3)(small)
