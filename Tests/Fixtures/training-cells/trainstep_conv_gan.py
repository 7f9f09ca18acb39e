import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


def wave(n, k, scale):
    # A deterministic, irregular pattern of n values in about [-scale, scale].
    i = np.arange(n)
    return (((-1.0) ** i) * np.exp(-i * 0.05 - k) + np.exp(-i * 0.37) - 0.5 * np.exp(-i * 0.013)).astype("float32") * scale


def fill(model, phase):
    values = []
    for k, w in enumerate(model.get_weights()):
        n = w.size
        values.append(wave(n, k + phase, 0.4).reshape(w.shape))
    model.set_weights(values)


latent_dim = 3
generator = keras.Sequential([
    keras.Input(shape=(latent_dim,)),
    layers.Dense(2 * 2 * 3),
    layers.LeakyReLU(alpha=0.2),
    layers.Reshape((2, 2, 3)),
    layers.Conv2DTranspose(4, 3, strides=2, padding="same"),
    layers.LeakyReLU(alpha=0.2),
    layers.Conv2D(1, 3, padding="same", activation="sigmoid"),
], name="generator")
discriminator = keras.Sequential([
    keras.Input(shape=(4, 4, 1)),
    layers.Conv2D(3, 3, strides=2, padding="same"),
    layers.LeakyReLU(alpha=0.2),
    layers.Conv2D(4, 2, padding="same"),
    layers.GlobalMaxPooling2D(),
    layers.Dense(1),
], name="discriminator")
fill(generator, 0.0)
fill(discriminator, 1.0)


class GAN(keras.Model):
    def __init__(self, discriminator, generator):
        super().__init__()
        self.discriminator = discriminator
        self.generator = generator
        self.d_loss_metric = keras.metrics.Mean(name="d_loss")
        self.g_loss_metric = keras.metrics.Mean(name="g_loss")

    def compile(self, d_optimizer, g_optimizer, loss_fn):
        super().compile()
        self.d_optimizer = d_optimizer
        self.g_optimizer = g_optimizer
        self.loss_fn = loss_fn

    @property
    def metrics(self):
        return [self.d_loss_metric, self.g_loss_metric]

    def train_step(self, data):
        # The latent vectors come with the data, so that both runs see the same ones.
        real, latent = data
        batch_size = tf.shape(real)[0]
        fake = self.generator(latent)
        combined = tf.concat([fake, real], axis=0)
        labels = tf.concat([tf.ones((batch_size, 1)), tf.zeros((batch_size, 1))], axis=0)
        labels += 0.05 * tf.ones(tf.shape(labels))
        with tf.GradientTape() as tape:
            predictions = self.discriminator(combined)
            d_loss = self.loss_fn(labels, predictions)
        grads = tape.gradient(d_loss, self.discriminator.trainable_weights)
        self.d_optimizer.apply_gradients(zip(grads, self.discriminator.trainable_weights))
        misleading = tf.zeros((batch_size, 1))
        with tf.GradientTape() as tape:
            predictions = self.discriminator(self.generator(latent * 0.5))
            g_loss = self.loss_fn(misleading, predictions)
        grads = tape.gradient(g_loss, self.generator.trainable_weights)
        self.g_optimizer.apply_gradients(zip(grads, self.generator.trainable_weights))
        self.d_loss_metric.update_state(d_loss)
        self.g_loss_metric.update_state(g_loss)
        return {"g_loss": self.g_loss_metric.result(), "d_loss": self.d_loss_metric.result(),
                "last_g": g_loss}


real = (wave(24 * 16, 0.3, 0.7) + 0.5).reshape(24, 4, 4, 1)
latent = wave(24 * latent_dim, 2.0, 1.0).reshape(24, latent_dim)
gan = GAN(discriminator, generator)
gan.compile(
    d_optimizer=keras.optimizers.Adam(learning_rate=0.01),
    g_optimizer=keras.optimizers.Adam(learning_rate=0.02),
    loss_fn=keras.losses.BinaryCrossentropy(from_logits=True),
)
history = gan.fit(real, latent, batch_size=8, epochs=3, shuffle=False, verbose=2)
print(history.history)
print(np.round(generator.get_weights()[2][:, :, 0, :], 4))
print(np.round(discriminator.get_weights()[2].flatten(), 4))
print(np.round(generator(latent[:2]).numpy()[:, :, :, 0], 4))
