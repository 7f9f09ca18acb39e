# Notebook session: automatic names keep counting from cell to cell.
from tensorflow import keras
from tensorflow.keras import layers

# %%
model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(8, 3),
    layers.Flatten(),
    layers.Dense(10),
])
model.summary()

# %%
model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(8, 3),
    layers.Conv2D(8, 3),
    layers.Flatten(),
    layers.Dense(10),
])
model.summary()

# %%
small = keras.Sequential([layers.Dense(4, input_shape=(3,))])
small.summary()
print(small.name, small.layers[0].name)

# %%
inp = keras.Input(shape=(5,))
print(inp.name)
functional = keras.Model(inp, layers.Dense(2)(inp))
functional.summary()
