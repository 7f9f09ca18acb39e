# The classic GAN setup: a generator and a discriminator, the discriminator compiled on its own,
# then frozen and stacked after the generator: as a Sequential model of the two, then as a
# functional model.
from tensorflow import keras
from tensorflow.keras import layers

latent_dim = 16
generator = keras.Sequential([
    keras.Input(shape=(latent_dim,)),
    layers.Dense(7 * 7 * 16),
    layers.LeakyReLU(0.2),
    layers.Reshape((7, 7, 16)),
    layers.Conv2DTranspose(16, 4, strides=2, padding="same"),
    layers.BatchNormalization(),
    layers.LeakyReLU(0.2),
    layers.Conv2DTranspose(1, 4, strides=2, padding="same", activation="tanh"),
], name="generator")
discriminator = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(16, 4, strides=2, padding="same"),
    layers.LeakyReLU(0.2),
    layers.Dropout(0.3),
    layers.Conv2D(32, 4, strides=2, padding="same"),
    layers.LeakyReLU(0.2),
    layers.Flatten(),
    layers.Dense(1, activation="sigmoid"),
], name="discriminator")
discriminator.compile(optimizer="adam", loss="binary_crossentropy")
discriminator.trainable = False
gan = keras.Sequential([generator, discriminator], name="gan")
gan.compile(optimizer="adam", loss="binary_crossentropy")
gan.summary()
# %%
noise = keras.Input(shape=(latent_dim,), name="noise")
combined = keras.Model(noise, discriminator(generator(noise)), name="combined")
combined.compile(optimizer="adam", loss="binary_crossentropy")
combined.summary()
combined.summary(expand_nested=True, show_trainable=True)
print(len(combined.trainable_weights), len(combined.non_trainable_weights))
discriminator.summary()
