# Forward-pass fixture channels_first_misc: channels_first: AveragePooling2D same, Cropping2D, UpSampling2D, BN axis=1, GlobalAveragePooling2D.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(2, 6, 5)),
    layers.AveragePooling2D(3, strides=1, padding='same', data_format='channels_first'),
    layers.Cropping2D(((1, 0), (1, 1)), data_format='channels_first'),
    layers.UpSampling2D((2, 1), data_format='channels_first'),
    layers.BatchNormalization(axis=1),
    layers.GlobalAveragePooling2D(data_format='channels_first', keepdims=True),
], name='channels_first_misc')
