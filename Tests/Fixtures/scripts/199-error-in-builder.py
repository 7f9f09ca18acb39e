"""A builder that reduces a list of layer factories and fails on a bad width."""
from functools import reduce

from tensorflow import keras
from tensorflow.keras import layers


def stack(*factories):
    return reduce(lambda f, g: lambda x: g(f(x)), factories)


def dense_relu(units):
    return layers.Dense(units, activation="relu")


inputs = keras.Input(shape=(20,))
head = stack(dense_relu(32), dense_relu(16), layers.Dense(1))
model = keras.Model(inputs, head(inputs), name="mlp")
model.summary()
widths = [8, -1]
broken = stack(*(dense_relu(w) for w in widths))
print("built factories")
broken(inputs)
