# Mistakes a student makes while writing layers, each in its own cell.
from tensorflow import keras
from tensorflow.keras import layers

keras.Sequential([keras.Input((10,)), layers.Dense(0)])

# %%
keras.Sequential([keras.Input((6, 6, 1)), layers.Conv2D(4, 7)])

# %%
layers.AveragePooling2D()

# %%
layers.Dropout(1.5)

# %%
layers.Dense(8, activation="rellu")

# %%
keras.Sequential([keras.Input((28, 28, 1)), layers.Conv2D(8, 3, activaton="relu")])

# %%
keras.Sequential([keras.Input((28, 28)), layers.Conv2D(8, 3)])

# %%
keras.Sequential([keras.Input((4, 4, 2)), layers.MaxPooling2D(pool_size=5)])
