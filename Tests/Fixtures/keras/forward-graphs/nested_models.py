from tensorflow import keras
from tensorflow.keras import layers

stem = keras.Sequential([
    layers.Conv2D(6, 3, activation="relu"),
    layers.MaxPooling2D(),
], name="stem")
block_in = keras.Input(shape=(4, 4, 6))
branch = layers.Conv2D(6, 1, activation="relu")(block_in)
block = keras.Model(block_in, layers.Add()([block_in, branch]), name="block")
inputs = keras.Input(shape=(10, 10, 2))
x = stem(inputs)
x = block(x, training=False)
x = layers.Flatten()(x)
model = keras.Model(inputs, layers.Dense(3)(x))
