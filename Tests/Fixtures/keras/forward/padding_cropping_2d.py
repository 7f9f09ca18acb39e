# Forward-pass fixture padding_cropping_2d: ZeroPadding2D and Cropping2D with asymmetric amounts.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(4, 5, 2)),
    layers.ZeroPadding2D(((1, 0), (2, 1))),
    layers.Cropping2D(((0, 1), (1, 2))),
    layers.ZeroPadding2D(1),
    layers.Cropping2D(1),
], name='padding_cropping_2d')
