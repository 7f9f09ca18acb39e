# Dot needs the contracted axes to have the same size.
from tensorflow import keras
from tensorflow.keras import layers

a = keras.Input(shape=(5,))
b = keras.Input(shape=(6,))
score = layers.Dot(axes=1)([a, b])
