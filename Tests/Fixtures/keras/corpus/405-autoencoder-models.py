# Convolutional autoencoder as three models: encoder, decoder and the two chained.
import keras
from keras import layers

input_img = keras.Input(shape=(28, 28, 1))
x = layers.Conv2D(16, (3, 3), activation="relu", padding="same")(input_img)
x = layers.MaxPooling2D((2, 2), padding="same")(x)
x = layers.Conv2D(8, (3, 3), activation="relu", padding="same")(x)
x = layers.MaxPooling2D((2, 2), padding="same")(x)
x = layers.Conv2D(8, (3, 3), activation="relu", padding="same")(x)
encoded = layers.MaxPooling2D((2, 2), padding="same")(x)
encoder = keras.Model(input_img, encoded, name="encoder")

latent = keras.Input(shape=(4, 4, 8))
x = layers.Conv2D(8, (3, 3), activation="relu", padding="same")(latent)
x = layers.UpSampling2D((2, 2))(x)
x = layers.Conv2D(8, (3, 3), activation="relu", padding="same")(x)
x = layers.UpSampling2D((2, 2))(x)
x = layers.Conv2D(16, (3, 3), activation="relu")(x)
x = layers.UpSampling2D((2, 2))(x)
decoded = layers.Conv2D(1, (3, 3), activation="sigmoid", padding="same")(x)
decoder = keras.Model(latent, decoded, name="decoder")

autoencoder = keras.Model(input_img, decoder(encoder(input_img)), name="autoencoder")
autoencoder.compile(optimizer="adam", loss="binary_crossentropy")
encoder.summary()
decoder.summary()
autoencoder.summary()
