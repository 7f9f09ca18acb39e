# Shape errors of built-in layers while a model is built: Keras 3 lists the Keras tensor each
# layer was called on (functional calls, a Sequential list, Sequential.add one layer at a time).
from tensorflow import keras
from tensorflow.keras import layers

image = keras.Input(shape=(6, 6, 2))
try:
    layers.MaxPooling2D(pool_size=5, strides=5)(layers.Conv2D(4, 3)(image))
except ValueError as error:
    print("functional:", error)

try:
    keras.Sequential([keras.Input(shape=(10,)), layers.Dense(6), layers.Reshape((4, 2))])
except ValueError as error:
    print("list:", error)

stack = keras.Sequential()
stack.add(keras.Input(shape=(20, 3)))
stack.add(layers.Conv1D(5, 3))
try:
    for _ in range(4):
        stack.add(layers.MaxPooling1D(3))
except ValueError as error:
    print("add:", error)
