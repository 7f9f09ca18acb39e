"""A small library of model builders, imported by name from script 1155 (its file name has a
dash, so `__import__` is the only way in). Run on its own, its main block prints a summary."""
import tensorflow as tf
from tensorflow import keras

UNITS = 16


def build_model(inputs, hidden, classes, rate=0.25):
    model = keras.Sequential(name="built_by_helper")
    model.add(keras.Input(shape=(inputs,)))
    for width in hidden:
        model.add(keras.layers.Dense(width, activation="relu"))
        model.add(keras.layers.Dropout(rate))
    model.add(keras.layers.Dense(classes, activation="softmax"))
    return model


def describe():
    return "units=%d in %s" % (UNITS, __name__)


if __name__ == "__main__":
    print("running on its own:", describe())
    build_model(4, [UNITS], 2).summary()
