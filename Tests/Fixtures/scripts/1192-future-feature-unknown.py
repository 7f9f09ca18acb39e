"""A small classifier; the third future feature is misspelled."""
from __future__ import print_function, division, absolute_imports
from tensorflow import keras

model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(3, activation="softmax")])
model.summary()
