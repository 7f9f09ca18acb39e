# Merge layers called on an empty list (or tuple) of tensors, on one tensor in a list, and on
# three. The empty call fails inside Keras' own code, each Keras its own way.
from tensorflow import keras

x = keras.Input((4,))
for given in ([], (), [x], [x, x, x]):
    for layer in (keras.layers.Add(), keras.layers.Maximum(), keras.layers.Concatenate(), keras.layers.Subtract()):
        try:
            print(type(layer).__name__, len(given), layer(given).shape)
        except Exception as error:
            print(type(layer).__name__, len(given), type(error).__name__, error)
