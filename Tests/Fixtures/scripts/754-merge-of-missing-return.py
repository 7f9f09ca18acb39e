# A block function that forgets its `return` hands None to the next layer: Keras' errors for a
# merge given [tensor, None] and for a layer called on None.
from tensorflow import keras
from tensorflow.keras import layers


def gate(skip, signal):
    weights = layers.Conv2D(1, 1, activation="sigmoid")(signal)
    gated = layers.Multiply()([skip, weights])


inputs = keras.Input((8, 8, 4))
features = layers.Conv2D(4, 3, padding="same")(inputs)
try:
    merged = layers.Concatenate()([features, gate(features, inputs)])
except Exception as error:
    print(type(error).__name__, error)
try:
    layers.Conv2D(2, 1, name="head")(gate(features, inputs))
except Exception as error:
    print(type(error).__name__, error)
merged = layers.Concatenate()([features, inputs])
print(keras.Model(inputs, merged).output_shape)
