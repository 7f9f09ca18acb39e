# Forward-pass fixture padding_cropping_1d: ZeroPadding1D and Cropping1D.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(6, 2)),
    layers.ZeroPadding1D((1, 2)),
    layers.Cropping1D((2, 0)),
    layers.ZeroPadding1D(1),
], name='padding_cropping_1d')
