# A small variational autoencoder whose loss is built from the model's own Keras tensors
# and attached with model.add_loss, as textbook VAEs do it.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import backend as K
from tensorflow.keras import layers

pixels = keras.Input(shape=(12, 12, 1), name="pixels")
h = layers.Conv2D(4, 3, strides=2, padding="same", activation="relu")(pixels)
h = layers.Flatten()(h)
mu = layers.Dense(3, name="mu")(h)
log_var = layers.Dense(3, name="log_var")(h)


def draw(args):
    mean, log_variance = args
    noise = K.random_normal(shape=(K.shape(mean)[0], 3))
    return mean + K.exp(0.5 * log_variance) * noise


code = layers.Lambda(draw, output_shape=(3,), name="code")([mu, log_var])
encoder = keras.Model(pixels, [mu, log_var, code], name="enc")

seed = keras.Input(shape=(3,), name="seed")
g = layers.Dense(36, activation="relu")(seed)
g = layers.Reshape((6, 6, 1))(g)
image = layers.Conv2DTranspose(1, 3, strides=2, padding="same", activation="sigmoid")(g)
decoder = keras.Model(seed, image, name="dec")

rebuilt = decoder(encoder(pixels)[2])
vae = keras.Model(pixels, rebuilt, name="tiny_vae")

fidelity = keras.losses.binary_crossentropy(K.flatten(pixels), K.flatten(rebuilt))
fidelity = fidelity * 144
kl = 1 + log_var - K.square(mu) - K.exp(log_var)
kl = -0.5 * K.sum(kl, axis=-1)
vae.add_loss(K.mean(fidelity + kl))
vae.compile(optimizer="adam")
vae.summary()
print(len(vae.layers), [layer.name for layer in vae.layers][-4:])
print(vae.count_params())
