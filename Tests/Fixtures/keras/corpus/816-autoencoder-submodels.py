# An autoencoder made of two models: the encoder and the decoder are functional models, and the
# autoencoder calls them one after the other on its own input.
from tensorflow import keras
from tensorflow.keras import layers

enc_in = keras.Input(shape=(28, 28, 1), name="digit")
e = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(enc_in)
e = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(e)
e = layers.Flatten()(e)
code = layers.Dense(10, name="code")(e)
encoder = keras.Model(enc_in, code, name="encoder")

dec_in = keras.Input(shape=(10,), name="latent")
d = layers.Dense(7 * 7 * 32, activation="relu")(dec_in)
d = layers.Reshape((7, 7, 32))(d)
d = layers.Conv2DTranspose(32, 3, strides=2, padding="same", activation="relu")(d)
d = layers.Conv2DTranspose(16, 3, strides=2, padding="same", activation="relu")(d)
recon = layers.Conv2D(1, 3, padding="same", activation="sigmoid")(d)
decoder = keras.Model(dec_in, recon, name="decoder")

ae_in = keras.Input(shape=(28, 28, 1))
autoencoder = keras.Model(ae_in, decoder(encoder(ae_in)), name="autoencoder")
autoencoder.summary()
autoencoder.summary(expand_nested=True)
encoder.trainable = False
autoencoder.summary(show_trainable=True)
print(autoencoder.layers[1].name, autoencoder.layers[2].output_shape)
