"""A small convolutional VAE encoder of the usual kind: images upsampled with
keras.backend.resize_images and cut with tf.split in Lambda layers, the reparameterisation trick
as a Sampling layer (tf.random.normal) and as a Lambda (K.random_normal), and a noise layer that
reads K.int_shape in call()."""
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras import backend as K

LATENT = 3


class Sampling(layers.Layer):
    def call(self, inputs):
        mean, log_var = inputs
        batch = tf.shape(mean)[0]
        dim = tf.shape(mean)[1]
        eps = tf.random.normal(shape=(batch, dim))
        return mean + tf.exp(0.5 * log_var) * eps


def reparameterize(args):
    mean, log_var = args
    eps = K.random_normal(shape=(K.shape(mean)[0], K.int_shape(mean)[1]), mean=0.0, stddev=1.0)
    return mean + K.exp(log_var / 2) * eps


class Jitter(layers.Layer):
    def call(self, x):
        self.seen = K.int_shape(x)
        return x + K.random_uniform(K.shape(x), -0.05, 0.05)


image = keras.Input(shape=(6, 6, 2), name="image")
big = layers.Lambda(lambda t: K.resize_images(t, 2, 2, "channels_last"), name="upsize")(image)
left = layers.Lambda(lambda t: tf.split(t, 2, axis=-1)[0], name="left")(big)
right = layers.Lambda(lambda t: tf.split(t, num_or_size_splits=2, axis=3)[1], name="right")(big)
h = layers.Conv2D(4, 3, strides=2, activation="relu")(layers.Concatenate()([right, left]))
h = layers.Flatten()(h)
z_mean = layers.Dense(LATENT, name="z_mean")(h)
z_log_var = layers.Dense(LATENT, name="z_log_var")(h)
z = Sampling(name="z")([z_mean, z_log_var])
z_again = layers.Lambda(reparameterize, output_shape=(LATENT,), name="z_lambda")([z_mean, z_log_var])
noisy = Jitter(name="jitter")(z_again)
encoder = keras.Model(image, [z_mean, z_log_var, z, noisy], name="encoder")
encoder.summary()
print("Jitter saw", encoder.get_layer("jitter").seen)

pixels = np.arange(2 * 6 * 6 * 2, dtype="float32").reshape(2, 6, 6, 2) / 10.0
cut = keras.Model(image, [left, right])
a, b = cut.predict(pixels, verbose=0)
print(a.shape, b.shape)
print(a[0, :4, :4, 0])
print(b[1, -3:, -3:, 0])
outputs = encoder.predict(pixels, verbose=0)
print([o.shape for o in outputs])
