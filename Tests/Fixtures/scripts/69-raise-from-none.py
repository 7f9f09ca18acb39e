# Hiding the original error ("from None") and re-raising with a bare raise.
from tensorflow import keras
from tensorflow.keras import layers

ACTIVATIONS = ["relu", "tanh", "sigmoid"]


def pick(index):
    try:
        return ACTIVATIONS[index]
    except IndexError:
        raise ValueError(f"no activation number {index}; there are {len(ACTIVATIONS)}") from None


def checked_dense(units, index):
    try:
        return layers.Dense(units, activation=pick(index))
    except ValueError as error:
        print("checked_dense:", error)
        raise


model = keras.Sequential([keras.Input(shape=(8,)), checked_dense(4, 0)])
print([layer.activation.__name__ for layer in model.layers])
model.add(checked_dense(2, 5))
