from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(12,))
hidden = layers.Dense(6, activation="relu", name="hidden")
spare = layers.Dense(3, name="spare")
outputs = layers.Dense(1, name="out")(hidden(inputs))
model = keras.Model(inputs, outputs)
print([layer.name for layer in model.layers])
print(hidden.output.shape)
print(spare.output.shape)
