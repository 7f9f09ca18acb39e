from tensorflow import keras
from tensorflow.keras import layers


def make_encoder(latent_dim=16):
    inputs = keras.Input(shape=(28, 28, 1))
    x = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(inputs)
    x = layers.Conv2D(64, 3, strides=2, padding="same", activation="relu")(x)
    x = layers.Flatten()(x)
    z = layers.Dense(latent_dim, name="z")(x)
    return keras.Model(inputs, z, name="encoder")


def make_decoder(latent_dim=16):
    latent = keras.Input(shape=(latent_dim,))
    x = layers.Dense(7 * 7 * 64, activation="relu")(latent)
    x = layers.Reshape((7, 7, 64))(x)
    x = layers.Conv2DTranspose(32, 3, strides=2, padding="same", activation="relu")(x)
    out = layers.Conv2DTranspose(1, 3, strides=2, padding="same", activation="sigmoid")(x)
    return keras.Model(latent, out, name="decoder")


encoder, decoder = make_encoder(), make_decoder()
assert encoder.output_shape == (None, 16), encoder.output_shape
assert decoder.output_shape == (None, 28, 28, 1)
for part in (encoder, decoder):
    print(f"{part.name}: {part.input_shape} -> {part.output_shape}, {part.count_params():,} params")
decoder = make_decoder(latent_dim=8)
assert decoder.input_shape == (None, 16), f"decoder expects {decoder.input_shape}"
