# Forward-pass fixture conv3d_channels_first: Conv3D and MaxPooling3D channels_first.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(2, 4, 5, 4)),
    layers.Conv3D(3, 2, padding='same', data_format='channels_first'),
    layers.MaxPooling3D(2, data_format='channels_first'),
], name='conv3d_channels_first')
