# Forward-pass fixture upsampling2d_kernels: UpSampling2D with lanczos3, lanczos5, gaussian and mitchellcubic.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(3, 3, 1)),
    layers.UpSampling2D(2, interpolation='lanczos3'),
    layers.UpSampling2D((1, 2), interpolation='lanczos5'),
    layers.UpSampling2D((2, 1), interpolation='gaussian'),
    layers.UpSampling2D(2, interpolation='mitchellcubic'),
], name='upsampling2d_kernels')
