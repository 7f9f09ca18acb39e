# A GAN written as a plain Python class whose methods build the generator and the critic.
from tensorflow import keras
from tensorflow.keras import layers


class TinyGAN:
    def __init__(self, latent=16, side=8):
        self.latent = latent
        self.side = side
        self.generator = self.build_generator()
        self.critic = self.build_critic()

    def build_generator(self):
        return keras.Sequential([
            keras.Input(shape=(self.latent,)),
            layers.Dense(self.side * self.side, activation="relu"),
            layers.Reshape((self.side, self.side, 1)),
            layers.Conv2D(1, 3, padding="same", activation="tanh"),
        ], name="generator")

    def build_critic(self):
        return keras.Sequential([
            keras.Input(shape=(self.side, self.side, 1)),
            layers.Conv2D(4, 3, strides=2, padding="same"),
            layers.LeakyReLU(0.2),
            layers.Flatten(),
            layers.Dense(1),
        ], name="critic")


gan = TinyGAN()
gan.generator.summary()
gan.critic.summary()
