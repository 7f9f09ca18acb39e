import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


def wave(n, k, scale):
    i = np.arange(n)
    return (((-1.0) ** i) * np.exp(-i * 0.05 - k) + np.exp(-i * 0.37) - 0.5 * np.exp(-i * 0.013)).astype("float32") * scale


class Sampling(layers.Layer):
    # Deterministic here (the noise is a fixed fraction), so that both runs agree.
    def call(self, inputs):
        z_mean, z_log_var = inputs
        return z_mean + tf.exp(0.5 * z_log_var) * 0.1


latent_dim = 2
encoder_inputs = keras.Input(shape=(4, 4, 1))
h = layers.Conv2D(3, 3, strides=2, padding="same", activation="relu")(encoder_inputs)
h = layers.Flatten()(h)
h = layers.Dense(5, activation="relu")(h)
z_mean = layers.Dense(latent_dim, name="z_mean")(h)
z_log_var = layers.Dense(latent_dim, name="z_log_var")(h)
z = Sampling()([z_mean, z_log_var])
encoder = keras.Model(encoder_inputs, [z_mean, z_log_var, z], name="encoder")
latent_inputs = keras.Input(shape=(latent_dim,))
d = layers.Dense(2 * 2 * 3, activation="relu")(latent_inputs)
d = layers.Reshape((2, 2, 3))(d)
decoder_outputs = layers.Conv2DTranspose(1, 3, strides=2, padding="same", activation="sigmoid")(d)
decoder = keras.Model(latent_inputs, decoder_outputs, name="decoder")


def fill(model, phase):
    values = []
    for k, w in enumerate(model.get_weights()):
        values.append(wave(w.size, k * 0.3 + phase, 0.5).reshape(w.shape))
    model.set_weights(values)


fill(encoder, 0.0)
fill(decoder, 1.0)


class VAE(keras.Model):
    def __init__(self, encoder, decoder, **kwargs):
        super().__init__(**kwargs)
        self.encoder = encoder
        self.decoder = decoder
        self.total_loss_tracker = keras.metrics.Mean(name="total_loss")
        self.reconstruction_loss_tracker = keras.metrics.Mean(name="reconstruction_loss")
        self.kl_loss_tracker = keras.metrics.Mean(name="kl_loss")

    @property
    def metrics(self):
        return [self.total_loss_tracker, self.reconstruction_loss_tracker, self.kl_loss_tracker]

    def train_step(self, data):
        with tf.GradientTape() as tape:
            z_mean, z_log_var, z = self.encoder(data)
            reconstruction = self.decoder(z)
            reconstruction_loss = tf.reduce_mean(
                tf.reduce_sum(keras.losses.binary_crossentropy(data, reconstruction), axis=(1, 2)))
            kl_loss = -0.5 * (1 + z_log_var - tf.square(z_mean) - tf.exp(z_log_var))
            kl_loss = tf.reduce_mean(tf.reduce_sum(kl_loss, axis=1))
            total_loss = reconstruction_loss + kl_loss
        grads = tape.gradient(total_loss, self.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.trainable_weights))
        self.total_loss_tracker.update_state(total_loss)
        self.reconstruction_loss_tracker.update_state(reconstruction_loss)
        self.kl_loss_tracker.update_state(kl_loss)
        return {
            "loss": self.total_loss_tracker.result(),
            "reconstruction_loss": self.reconstruction_loss_tracker.result(),
            "kl_loss": self.kl_loss_tracker.result(),
        }


images = (wave(20 * 16, 0.2, 0.4) + 0.5).reshape(20, 4, 4, 1)
vae = VAE(encoder, decoder)
vae.compile(optimizer=keras.optimizers.Adam(learning_rate=0.02))
history = vae.fit(images, epochs=3, batch_size=8, shuffle=False, verbose=2)
print(history.history)
print(np.round(decoder.get_weights()[0], 4))
print(np.round(encoder.predict(images[:2], verbose=0)[0], 4))
