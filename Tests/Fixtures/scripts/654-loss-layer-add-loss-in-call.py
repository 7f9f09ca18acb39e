"""The VAE end layer of Keras 2 tutorials: a custom layer that computes the reconstruction and KL
terms in call() and hands them to self.add_loss, so that the model compiles without a loss."""
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras import backend as K


class VAEObjective(layers.Layer):
    def call(self, inputs):
        x, x_hat, mean, log_var = inputs
        reconstruction = K.sum(K.square(x - x_hat), axis=-1)
        kl = -0.5 * K.sum(1 + log_var - K.square(mean) - K.exp(log_var), axis=-1)
        self.add_loss(K.mean(reconstruction + kl))
        return x_hat


x = keras.Input(shape=(8,), name="x")
h = layers.Dense(5, activation="relu")(x)
mean = layers.Dense(2, name="mean")(h)
log_var = layers.Dense(2, name="log_var")(h)
x_hat = layers.Dense(8, activation="sigmoid", name="decoded")(mean)
y = VAEObjective(name="objective")([x, x_hat, mean, log_var])
vae = keras.Model(x, y, name="vae")
vae.compile(optimizer="adam")
vae.summary()
print(vae.get_layer("objective").__class__.__name__, vae.output_shape)
