# UpSampling in 1D, 2D and 3D.
from tensorflow import keras
from tensorflow.keras import layers

up1 = keras.Sequential([keras.Input(shape=(25, 6)), layers.UpSampling1D(), layers.UpSampling1D(size=3)])
up2 = keras.Sequential([
    keras.Input(shape=(7, 9, 4)),
    layers.UpSampling2D(),
    layers.UpSampling2D(size=(1, 3)),
    layers.UpSampling2D(size=2, interpolation='bilinear'),
])
up3 = keras.Sequential([
    keras.Input(shape=(2, 3, 4, 5)),
    layers.UpSampling3D(),
    layers.UpSampling3D(size=(3, 1, 2)),
])
up1.summary()
up2.summary()
up3.summary()
