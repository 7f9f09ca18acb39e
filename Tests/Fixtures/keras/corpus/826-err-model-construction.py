# Mistakes when making the model itself, one per cell: two layers with the same name in one
# graph, an output that does not depend on the inputs given, and positions too few for four
# columns.
from tensorflow import keras
from tensorflow.keras import layers

a = keras.Input(shape=(8,), name="a")
b = keras.Input(shape=(8,), name="b")
# %%
h1 = layers.Dense(4, name="twin")(a)
h2 = layers.Dense(4, name="twin")(b)
twins = keras.Model([a, b], layers.concatenate([h1, h2]))
# %%
only_a = keras.Model(a, layers.add([layers.Dense(8)(a), b]))
# %%
ok = keras.Model([a, b], layers.concatenate([a, b]), name="ok")
ok.summary(positions=[0.4, 0.7, 1.0])
# %%
ok.summary(line_length=40)
