# Windows that no longer fit after the image shrank: each cell one mistake, written as a
# student would, with keras-io's imports.
# %%
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
    layers.MaxPooling2D(pool_size=(2, 2)),
    layers.Conv2D(64, kernel_size=(3, 3), activation="relu"),
    layers.MaxPooling2D(pool_size=(2, 2)),
    layers.Conv2D(128, kernel_size=(5, 5), activation="relu"),
    layers.MaxPooling2D(pool_size=(2, 2)),
])

# %%
pooled = keras.Sequential([
    keras.Input(shape=(12, 12, 3)),
    layers.Conv2D(8, 3, strides=2, activation="relu"),
    layers.MaxPooling2D(pool_size=(4, 4), strides=(2, 3)),
    layers.MaxPooling2D(3),
])

# %%
dilated = keras.Sequential([
    keras.Input(shape=(10, 10, 4)),
    layers.Conv2D(4, 3, dilation_rate=(1, 5)),
])

# %%
inputs = keras.Input(shape=(20, 6))
x = layers.Conv1D(16, 7, strides=2, activation="relu")(inputs)
x = layers.Conv1D(16, 7, strides=(2,))(x)

# %%
volume = keras.Sequential([
    keras.Input(shape=(4, 32, 32, 1)),
    layers.Conv3D(8, 3, activation="relu"),
    layers.MaxPooling3D(pool_size=2),
    layers.Conv3D(8, (2, 3, 3)),
])

# %%
separable = keras.Sequential([
    keras.Input(shape=(6, 6, 8)),
    layers.SeparableConv2D(16, 3),
    layers.DepthwiseConv2D(5, depth_multiplier=2),
])

# %%
first = keras.Sequential([
    keras.Input(shape=(3, 8, 8)),
    layers.Conv2D(4, 3, data_format="channels_first"),
    layers.AveragePooling2D(4, data_format="channels_first"),
])

# %%
text = keras.Sequential([
    keras.Input(shape=(None, 5, 16)),
    layers.Conv2D(8, (3, 7)),
])

# %%
sequence = keras.Sequential([
    keras.Input(shape=(9, 2)),
    layers.AveragePooling1D(pool_size=4),
    layers.MaxPooling1D(pool_size=3),
])
print(sequence.output_shape)
