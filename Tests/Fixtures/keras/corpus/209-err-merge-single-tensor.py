# A merge layer called on one tensor instead of a list.
from tensorflow import keras
from tensorflow.keras import layers

a = keras.Input(shape=(4,))
b = layers.Add()(a)
