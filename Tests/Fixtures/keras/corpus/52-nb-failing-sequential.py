# Notebook session: a Sequential list that fails halfway still uses up names.
from tensorflow import keras
from tensorflow.keras import layers

# %%
model = keras.Sequential([
    keras.Input(shape=(8, 8, 3)),
    layers.Conv2D(16, 3),
    layers.MaxPooling2D(),
    layers.Dense(4),
])
model.summary()

# %%
# Too many 3x3 convolutions for an 8x8 input: fails at the fourth Conv2D.
model = keras.Sequential([
    keras.Input(shape=(8, 8, 3)),
    layers.Conv2D(16, 3),
    layers.Conv2D(16, 3),
    layers.Conv2D(16, 3),
    layers.Conv2D(16, 3),
    layers.Conv2D(16, 3),
    layers.Flatten(),
    layers.Dense(10),
])
model.summary()

# %%
# `model` still holds the model from the first cell.
model.summary()

# %%
model = keras.Sequential([
    keras.Input(shape=(8, 8, 3)),
    layers.Conv2D(16, 3),
    layers.Flatten(),
    layers.Dense(10),
])
model.summary()
