# Forward-pass fixture pooling2d: Max/AveragePooling2D valid and same (same-avg excludes padding).
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(9, 8, 3)),
    layers.MaxPooling2D(2),
    layers.AveragePooling2D(3, strides=2, padding='same'),
    layers.MaxPooling2D((2, 1), padding='same'),
    layers.AveragePooling2D((1, 2)),
], name='pooling2d')
