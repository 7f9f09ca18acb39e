# Unusual input/output wiring: an output that is an input itself, the same tensor listed twice as
# an output, and an input that no output uses (the graph keeps it).
from tensorflow import keras
from tensorflow.keras import layers

x = keras.Input(shape=(5,), name="x")
y = keras.Input(shape=(3,), name="y")
h = layers.Dense(4, name="h")(x)
passthrough = keras.Model([x, y], [h, y], name="passthrough")
passthrough.summary()
print(passthrough.output_shape)
twice = keras.Model(x, [h, h], name="twice")
twice.summary()
print(len(twice.outputs), twice.output_shape)
unused = keras.Model([x, y], h, name="unused_input")
unused.summary()
print(len(unused.layers))
