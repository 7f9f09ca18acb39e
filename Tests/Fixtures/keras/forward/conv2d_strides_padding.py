# Forward-pass fixture conv2d_strides_padding: Conv2D valid/same with strides, odd and even sizes, rectangular kernels.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(9, 8, 3)),
    layers.Conv2D(4, 3),
    layers.Conv2D(5, 3, strides=2, padding='same'),
    layers.Conv2D(4, (2, 3), strides=(1, 2), padding='same'),
    layers.Conv2D(3, (2, 1), strides=(2, 1), padding='valid', use_bias=False),
], name='conv2d_strides_padding')
