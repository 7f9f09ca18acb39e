# BatchNormalization on an axis the input does not have.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(16, 3)(inputs)
x = layers.BatchNormalization(axis=4)(x)
