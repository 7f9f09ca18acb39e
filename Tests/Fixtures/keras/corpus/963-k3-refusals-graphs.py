# Mistakes when wiring functional models: shapes that do not match, a missing input, a name used
# twice, and merged tensors whose shapes differ.
from tensorflow import keras
from tensorflow.keras import layers

a = keras.Input((8,))
b = keras.Input((6,))
layers.Add()([layers.Dense(4)(a), layers.Dense(5)(b)])

# %%
c = keras.Input((8,))
d = keras.Input((8,))
keras.Model(c, layers.Concatenate()([c, d]))

# %%
e = keras.Input((8,))
f = layers.Dense(4, name="twice")(e)
g = layers.Dense(4, name="twice")(f)
keras.Model(e, g)

# %%
layers.Concatenate()([keras.Input((3, 4)), keras.Input((5, 6))])
