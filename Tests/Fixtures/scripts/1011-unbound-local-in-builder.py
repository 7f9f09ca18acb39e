# A name a function assigns anywhere is local to all of it: reading it before the assignment is
# an UnboundLocalError even when a global of that name exists, and `except ... as err` unbinds
# `err` when the handler ends. A model builder that reads `y` before setting it fails so.
from tensorflow import keras
from tensorflow.keras import layers

width = 8
calls = 0


def count_call():
    global calls
    calls += 1
    return calls


def broken_counter():
    calls += 1
    return calls


def block(x, units):
    h = layers.Dense(units, activation="relu")(x)
    y = layers.Dense(units)(y if units > width else h)
    return layers.Add()([h, y])


inputs = keras.Input((4,))
print(count_call(), count_call())
try:
    broken_counter()
except UnboundLocalError as err:
    print(type(err).__name__, "|", err)
try:
    print(err)
except NameError as missing:
    print(type(missing).__name__, "|", missing)
model = keras.Model(inputs, block(inputs, width))
print(len(model.layers), model.output_shape)
block(inputs, width * 2)
