# Notebook session: model.add() of a layer that does not fit.
from tensorflow import keras
from tensorflow.keras import layers

# %%
model = keras.Sequential()
model.add(keras.Input(shape=(6, 6, 1)))
model.add(layers.Conv2D(8, 3))
model.add(layers.Conv2D(8, 3))
model.summary()

# %%
model.add(layers.Conv2D(8, 3))

# %%
print(len(model.layers))
model.summary()

# %%
model.add(layers.Flatten())
model.add(layers.Dense(2))
model.summary()
