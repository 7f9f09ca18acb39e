# Forward-pass fixture conv2d_channels_first: Conv2D, pooling, padding and Flatten with data_format='channels_first'.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(3, 9, 8)),
    layers.Conv2D(4, 3, padding='same', strides=2, data_format='channels_first'),
    layers.ZeroPadding2D(((1, 0), (0, 2)), data_format='channels_first'),
    layers.MaxPooling2D(2, data_format='channels_first'),
    layers.Conv2D(5, (2, 1), data_format='channels_first', activation='relu'),
    layers.Flatten(data_format='channels_first'),
    layers.Dense(3),
], name='conv2d_channels_first')
