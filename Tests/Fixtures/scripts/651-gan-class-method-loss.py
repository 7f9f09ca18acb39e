"""A GAN class of the kind tutorials write: the critic's loss is a method of the class, and the
layers use activations written as functions."""
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras import backend as K


def leaky(x):
    return K.relu(x, alpha=0.2)


def capped(x):
    return K.relu(x, max_value=6.0)


class WGAN:
    def __init__(self, noise_dim=4, features=6):
        self.noise_dim = noise_dim
        self.critic = self.make_critic(features)
        self.critic.compile(loss=self.wasserstein_loss, optimizer=keras.optimizers.SGD(learning_rate=0.01))
        self.generator = self.make_generator(features)

    def wasserstein_loss(self, y_true, y_pred):
        return K.mean(y_true * y_pred)

    def make_critic(self, features):
        return keras.Sequential([
            keras.Input(shape=(features,)),
            layers.Dense(8, activation=leaky, kernel_initializer="ones"),
            layers.Dense(1, kernel_initializer=keras.initializers.Constant(0.05)),
        ], name="critic")

    def make_generator(self, features):
        z = keras.Input(shape=(self.noise_dim,))
        h = layers.Dense(8, activation=capped)(z)
        h = layers.Activation(leaky, name="act")(h)
        return keras.Model(z, layers.Dense(features, activation="tanh")(h), name="generator")


gan = WGAN()
gan.critic.summary()
gan.generator.summary()
print(gan.critic.loss.__name__, gan.critic.loss == gan.wasserstein_loss)
print([getattr(layer.activation, "__name__", None) for layer in gan.generator.layers[1:]])
print(gan.generator.get_layer("act").get_config()["activation"])
real = (np.arange(24, dtype="float32").reshape(4, 6) % 5) / 5.0
history = gan.critic.fit(real, -np.ones((4, 1), "float32"), epochs=2, batch_size=4, verbose=0)
print([round(v, 4) for v in history.history["loss"]])
