# Normalization with given statistics, unadapted (weights mean/variance/count), and axis=None.
from tensorflow import keras
from tensorflow.keras import layers

given = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Normalization(mean=[0.4914, 0.4822, 0.4465], variance=[0.0610, 0.0586, 0.0684]),
    layers.Conv2D(8, 3),
])
given.summary()

# %%
unadapted = keras.Sequential([
    keras.Input(shape=(28, 28, 3)),
    layers.Normalization(),
    layers.Flatten(),
    layers.Dense(2),
])
unadapted.summary()
print(unadapted.layers[0].count_params())

# %%
scalar = keras.Sequential([
    keras.Input(shape=(10,)),
    layers.Normalization(axis=None, mean=5.0, variance=4.0),
    layers.Normalization(axis=None),
    layers.Dense(1),
])
scalar.summary()

# %%
per_row = keras.Sequential([
    keras.Input(shape=(4, 6)),
    layers.Normalization(axis=1),
    layers.Normalization(axis=(1, 2)),
])
per_row.summary()

# %%
broadcast = keras.Sequential([
    keras.Input(shape=(4, 3)),
    layers.Normalization(axis=(1, 2), mean=[1.0, 2.0, 3.0], variance=[1.0, 1.0, 4.0]),
    layers.Normalization(axis=[1, 2], mean=[0.5], variance=[2.0]),
])
broadcast.summary()

# %%
bad = keras.Sequential([
    keras.Input(shape=(4, 3)),
    layers.Normalization(axis=(1, 2), mean=[1.0, 2.0], variance=[1.0, 1.0]),
])
