# Forward-pass fixture conv3d: Conv3D same/valid, strides.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(5, 6, 6, 2)),
    layers.Conv3D(3, 3, strides=2, padding='same'),
    layers.Conv3D(2, (2, 2, 1)),
], name='conv3d')
