# Adding maps with different channel counts.
from tensorflow import keras
from tensorflow.keras import layers

a = keras.Input(shape=(8, 8, 16))
b = layers.Conv2D(32, 1)(a)
c = layers.add([a, b])
