# Forward-pass fixture transposed_1d_3d: Conv1DTranspose and Conv3DTranspose.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(5, 3)),
    layers.Conv1DTranspose(4, 3, strides=2, padding='same'),
    layers.Conv1DTranspose(2, 2, strides=3, output_padding=1),
    layers.Reshape((3, 2, 5, 2)),
    layers.Conv3DTranspose(2, 2, strides=(1, 2, 1), padding='same'),
], name='transposed_1d_3d')
