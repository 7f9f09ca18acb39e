# A few layers with data_format='channels_first' (NCHW).
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(3, 64, 48)),
    layers.Conv2D(16, (3, 3), padding='same', data_format='channels_first'),
    layers.MaxPooling2D((2, 2), data_format='channels_first'),
    layers.Conv2D(32, (5, 5), strides=2, data_format='channels_first'),
    layers.AveragePooling2D(pool_size=(2, 2), padding='same', data_format='channels_first'),
    layers.BatchNormalization(axis=1),
    layers.GlobalAveragePooling2D(data_format='channels_first', keepdims=True),
    layers.Flatten(data_format='channels_first'),
    layers.Dense(10),
])
model.summary()

seq1d = keras.Sequential([
    keras.Input(shape=(4, 50)),
    layers.Conv1D(8, 5, data_format='channels_first'),
    layers.MaxPooling1D(2, data_format='channels_first'),
    layers.GlobalMaxPooling1D(data_format='channels_first'),
])
seq1d.summary()

vol = keras.Sequential([
    keras.Input(shape=(2, 8, 16, 16)),
    layers.Conv3D(4, 3, data_format='channels_first'),
    layers.MaxPooling3D(2, data_format='channels_first'),
    layers.ZeroPadding3D(1, data_format='channels_first'),
    layers.Flatten(),
])
vol.summary()
