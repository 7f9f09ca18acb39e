# Forward-pass fixture padding_cropping_3d: ZeroPadding3D and Cropping3D.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(3, 4, 3, 2)),
    layers.ZeroPadding3D(((1, 0), (0, 1), (1, 1))),
    layers.Cropping3D(((0, 1), (1, 0), (0, 2))),
], name='padding_cropping_3d')
