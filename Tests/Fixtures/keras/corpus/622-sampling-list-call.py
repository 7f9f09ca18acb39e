# A reparameterisation step called on a list of two tensors, then a decoder after it.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class Reparameterize(layers.Layer):
    def call(self, inputs):
        mu, log_sigma = inputs
        epsilon = tf.random.normal(shape=tf.shape(mu))
        return mu + tf.exp(0.5 * log_sigma) * epsilon


inputs = keras.Input(shape=(32,))
h = layers.Dense(24, activation="relu")(inputs)
mu = layers.Dense(4, name="mu")(h)
log_sigma = layers.Dense(4, name="log_sigma")(h)
z = Reparameterize(name="z")([mu, log_sigma])
decoded = layers.Dense(24, activation="relu")(z)
decoded = layers.Dense(32, activation="sigmoid")(decoded)
vae = keras.Model(inputs, decoded, name="vae")
vae.summary()
