# Notebook session: a constructor that raises has already taken its name.
from tensorflow import keras
from tensorflow.keras import layers

# %%
model = keras.Sequential([
    keras.Input(shape=(16,)),
    layers.Dense(8),
    layers.Dense(-1),
])

# %%
model = keras.Sequential([
    keras.Input(shape=(16,)),
    layers.Dense(8),
    layers.Dense(1),
])
model.summary()

# %%
bad = layers.Conv2D(0, 3)

# %%
bad = layers.Dropout(2.0)

# %%
cnn = keras.Sequential([keras.Input(shape=(6, 6, 1)), layers.Conv2D(2, 3), layers.Dropout(0.5)])
cnn.summary()
