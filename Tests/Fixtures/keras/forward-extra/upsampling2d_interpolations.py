# Forward-pass fixture upsampling2d_interpolations: UpSampling2D with bicubic, area, nearest and bilinear.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(3, 4, 2)),
    layers.UpSampling2D((2, 3), interpolation='bicubic'),
    layers.UpSampling2D(2, interpolation='area'),
    layers.UpSampling2D((1, 2), interpolation='bilinear'),
], name='upsampling2d_interpolations')
