# Constructor mistakes that Keras 3 words (or refuses) differently from tf-keras.
# %%
import keras
from keras import layers

dense = layers.Dense("10")

# %%
dense = layers.Dense(12.5, activation="relu")

# %%
model = keras.Sequential(layers.Dense(3))

# %%
inputs = keras.Input(shape=28)

# %%
conv = layers.Conv2D(8, 3, strides=0)

# %%
conv = layers.Conv2D(8, 3, strides=(2, 0))

# %%
model = keras.Sequential([keras.Input(shape=(16,)), layers.Dense(4), layers.Dense(True)])
model.summary()
print([layer.name for layer in model.layers])
