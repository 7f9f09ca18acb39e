# Forward-pass fixture upsampling2d_bilinear: UpSampling2D with bilinear interpolation.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(3, 4, 2)),
    layers.UpSampling2D(2, interpolation='bilinear'),
], name='upsampling2d_bilinear')
