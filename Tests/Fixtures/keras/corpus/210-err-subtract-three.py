# Subtract takes exactly two tensors.
from tensorflow import keras
from tensorflow.keras import layers

a = keras.Input(shape=(4,))
b = layers.Dense(4)(a)
c = layers.Dense(4)(a)
d = layers.Subtract()([a, b, c])
