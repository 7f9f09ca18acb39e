# Keras 3's keras.random: a sampling layer that keeps a SeedGenerator and draws its noise
# with keras.random.normal inside call(), a draw on data, and a generator given a bad seed.
from tensorflow import keras
from tensorflow.keras import layers


class DrawNoise(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.generator = keras.random.SeedGenerator(seed=7)

    def call(self, inputs):
        centre, log_spread = inputs
        rows = keras.ops.shape(centre)[0]
        width = keras.ops.shape(centre)[1]
        noise = keras.random.normal(shape=(rows, width), seed=self.generator)
        return centre + keras.ops.exp(0.5 * log_spread) * noise


features = keras.Input(shape=(12,), name="features")
hidden = layers.Dense(8, activation="relu")(features)
centre = layers.Dense(3, name="centre")(hidden)
log_spread = layers.Dense(3, name="log_spread")(hidden)
code = DrawNoise(name="draw")([centre, log_spread])
sampler = keras.Model(features, [centre, log_spread, code], name="sampler")
sampler.summary()

grid = keras.random.uniform((2, 5), minval=-1.0, maxval=1.0, seed=keras.random.SeedGenerator(3))
print(grid.shape, grid.dtype)
print(keras.random.normal((4,)).shape)

try:
    keras.random.SeedGenerator("seven")
except ValueError as error:
    print("ValueError:", error)
