# A misspelled attribute of a built-in layer: Python 3.11 suggests the closest name of the
# layer's `dir()`, which differs between the two Kerases and grows when the layer is built
# (tf-keras makes `kernel` then; Keras 3 has it as a property from the start).
from tensorflow import keras

conv = keras.layers.Conv2D(6, 3, padding="same")
conv.build((None, 12, 12, 3))
print(conv.filters, conv.padding)
for layer in (keras.layers.Dense(4), conv):
    try:
        print(layer.units)
    except AttributeError as error:
        print("no units:", error)
print(conv.kernal.shape)
