# Concatenating maps whose spatial sizes differ.
from tensorflow import keras
from tensorflow.keras import layers

a = keras.Input(shape=(16, 16, 8))
b = layers.MaxPooling2D()(a)
c = layers.Concatenate(axis=-1)([a, b])
