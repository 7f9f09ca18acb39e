# Convolutional autoencoder for 28x28 images with Conv2DTranspose in the decoder.
from tensorflow import keras
from tensorflow.keras import layers

autoencoder = keras.Sequential([
    layers.Input(shape=(28, 28, 1)),
    # Encoder
    layers.Conv2D(32, (3, 3), activation="relu", padding="same"),
    layers.MaxPooling2D((2, 2), padding="same"),
    layers.Conv2D(32, (3, 3), activation="relu", padding="same"),
    layers.MaxPooling2D((2, 2), padding="same"),
    # Decoder
    layers.Conv2DTranspose(32, (3, 3), strides=2, activation="relu", padding="same"),
    layers.Conv2DTranspose(32, (3, 3), strides=2, activation="relu", padding="same"),
    layers.Conv2D(1, (3, 3), activation="sigmoid", padding="same"),
], name='autoencoder')
autoencoder.compile(optimizer="adam", loss="binary_crossentropy")
autoencoder.summary()
print(autoencoder.output_shape)
