# Forward-pass fixture conv2d_transpose: Conv2DTranspose strides 2 with same and valid padding.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(3, 4, 3)),
    layers.Conv2DTranspose(4, 3, strides=2, padding='same'),
    layers.Conv2DTranspose(2, 3, strides=2, padding='valid'),
], name='conv2d_transpose')
