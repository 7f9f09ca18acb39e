# Forward-pass fixture pooling1d: Max/AveragePooling1D valid and same.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(11, 3)),
    layers.MaxPooling1D(2),
    layers.AveragePooling1D(3, strides=2, padding='same'),
    layers.MaxPooling1D(3, strides=1, padding='same'),
    layers.AveragePooling1D(2, strides=1),
], name='pooling1d')
