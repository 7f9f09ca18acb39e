# Renaming models after making them: Keras 3 lets code assign a model's name (the summary's
# title, and the row of the model inside another); tf-keras refuses, its name is read-only.
from tensorflow import keras
from tensorflow.keras import layers


def block(width):
    inputs = keras.Input((8,))
    return keras.Model(inputs, layers.Dense(width, activation="relu")(inputs))


trunk = block(8)
try:
    trunk.name = "trunk"
except AttributeError as error:
    print("AttributeError:", error)
print(trunk.name)

head = keras.Sequential([keras.Input((8,)), layers.Dense(1)])
try:
    head.name = "scorer"
except AttributeError as error:
    print("AttributeError:", error)

inputs = keras.Input((8,))
outputs = head(trunk(inputs))
whole = keras.Model(inputs, outputs)
try:
    whole.name = "whole_model"
except AttributeError as error:
    print("AttributeError:", error)
whole.summary()
print([layer.name for layer in whole.layers])
