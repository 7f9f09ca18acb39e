# Dense units given as text, a float or a bool: tf-keras passes them through int(), Keras 3 checks them.
# %%
from tensorflow import keras
from tensorflow.keras import layers

dense = layers.Dense("10")
print(dense.units)

# %%
dense = layers.Dense(12.5, activation="relu")
print(dense.units)

# %%
dense = layers.Dense(units="ten")

# %%
print(layers.Dense(4).name)

# %%
model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(True)])

# %%
inputs = keras.Input(shape=(8,))
outputs = layers.Dense(False)(inputs)
