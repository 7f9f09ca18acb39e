# Forward-pass fixture pooling2d_same_overlap: AveragePooling2D/MaxPooling2D same padding, stride 1, window 3.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(5, 6, 2)),
    layers.AveragePooling2D(3, strides=1, padding='same'),
    layers.MaxPooling2D(3, strides=1, padding='same'),
], name='pooling2d_same_overlap')
