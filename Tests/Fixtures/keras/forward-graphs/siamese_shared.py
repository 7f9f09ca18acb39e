from tensorflow import keras
from tensorflow.keras import layers

first = keras.Input(shape=(3, 5))
second = keras.Input(shape=(4, 5))
encoder = layers.Dense(6, activation="relu")
a = encoder(first)
b = encoder(second)
similarity = layers.Dot(axes=(2, 2))([a, b])
model = keras.Model([first, second], layers.Flatten()(similarity))
