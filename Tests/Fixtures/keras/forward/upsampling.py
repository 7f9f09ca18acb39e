# Forward-pass fixture upsampling: UpSampling1D, then reshaped through UpSampling2D and UpSampling3D (nearest).
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(3, 4)),
    layers.UpSampling1D(2),
    layers.Reshape((3, 2, 4)),
    layers.UpSampling2D((2, 1)),
    layers.Reshape((3, 2, 2, 4)),
    layers.UpSampling3D((1, 2, 1)),
], name='upsampling')
