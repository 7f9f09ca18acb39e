# Forward-pass fixture conv_autoencoder: Tiny conv autoencoder: Conv2D, MaxPooling, Conv2DTranspose, UpSampling.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(8, 8, 1)),
    layers.Conv2D(4, 3, activation='relu', padding='same'),
    layers.MaxPooling2D(2, padding='same'),
    layers.Conv2D(4, 3, activation='relu', padding='same'),
    layers.MaxPooling2D(2, padding='same'),
    layers.Conv2DTranspose(4, 3, strides=2, activation='relu', padding='same'),
    layers.UpSampling2D(2),
    layers.Conv2D(1, 3, activation='sigmoid', padding='same'),
], name='conv_autoencoder')
