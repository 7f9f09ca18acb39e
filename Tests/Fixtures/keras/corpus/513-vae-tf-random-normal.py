# VAE encoder whose sampling Lambda draws with tf.random.normal on tf.shape of the mean.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

latent_dim = 4


def sample_z(args):
    mu, log_var = args
    eps = tf.random.normal(shape=tf.shape(mu))
    return mu + tf.exp(log_var / 2) * eps


inputs = keras.Input(shape=(32, 32, 1))
h = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(inputs)
h = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(h)
h = layers.GlobalAveragePooling2D()(h)
mu = layers.Dense(latent_dim, name="mu")(h)
log_var = layers.Dense(latent_dim, name="log_var")(h)
z = layers.Lambda(sample_z, name="z")([mu, log_var])
encoder = keras.Model(inputs, [mu, log_var, z], name="encoder")
encoder.summary()
