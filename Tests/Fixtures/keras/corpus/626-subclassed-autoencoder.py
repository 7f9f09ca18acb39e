# A subclassed autoencoder holding two Sequential parts; compiled before it is ever called.
import tensorflow as tf
from tensorflow.keras import layers
from tensorflow.keras.models import Model


class ConvAutoencoder(Model):
    def __init__(self):
        super(ConvAutoencoder, self).__init__()
        self.encoder = tf.keras.Sequential([
            layers.Input(shape=(32, 32, 3)),
            layers.Conv2D(12, 3, strides=2, padding="same", activation="relu"),
            layers.Conv2D(6, 3, strides=2, padding="same", activation="relu"),
        ])
        self.decoder = tf.keras.Sequential([
            layers.Conv2DTranspose(6, 3, strides=2, padding="same", activation="relu"),
            layers.Conv2DTranspose(12, 3, strides=2, padding="same", activation="relu"),
            layers.Conv2D(3, 3, padding="same", activation="sigmoid"),
        ])

    def call(self, x):
        return self.decoder(self.encoder(x))


autoencoder = ConvAutoencoder()
autoencoder.compile(optimizer="adam", loss="mse")
autoencoder.encoder.summary()
