# What the image preprocessing layers refuse (one refusal per cell).
from tensorflow import keras
from tensorflow.keras import layers

# %%
flat = keras.Sequential([keras.Input(shape=(10,)), layers.Resizing(4, 4)])

# %%
flat = keras.Sequential([keras.Input(shape=(10,)), layers.CenterCrop(4, 4)])

# %%
flat = keras.Sequential([keras.Input(shape=(10,)), layers.RandomCrop(4, 4)])

# %%
flat = keras.Sequential([keras.Input(shape=(10,)), layers.RandomFlip()])

# %%
flat = keras.Sequential([keras.Input(shape=(10,)), layers.RandomRotation(0.1)])

# %%
zoom = layers.RandomZoom(-1.5)

# %%
zoom = layers.RandomZoom((0.5, 0.1), width_factor=(-0.2, 1.2))

# %%
rotation = layers.RandomRotation((0.5, 0.1))

# %%
contrast = layers.RandomContrast(1.5)

# %%
translation = layers.RandomTranslation(0.2, (0.3, -0.1))

# %%
translation = layers.RandomTranslation(1.5, 0.1)

# %%
resize = layers.Resizing(4, 4, interpolation='linear')

# %%
volume = keras.Sequential([keras.Input(shape=(2, 4, 4, 3)), layers.Resizing(2, 2)])

# %%
norm = keras.Sequential([keras.Input(shape=(4, 3)), layers.Normalization(axis=3)])
