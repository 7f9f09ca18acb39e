# Forward-pass fixture winograd_convs: 3x3 stride-1 Conv2D of 8+ channels (ConvBook's Winograd path): same/valid, odd sizes, BN, tanh.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(11, 13, 8)),
    layers.Conv2D(16, 3, padding='same', activation='tanh'),
    layers.BatchNormalization(),
    layers.Conv2D(12, 3),
    layers.Conv2D(33, 3, padding='same', activation='relu'),
    layers.Conv2D(8, 3, use_bias=False),
], name='winograd_convs')
