# Squeeze-and-excitation written with layers and with Python arithmetic on the tensors; in Keras 3
# `x * s` and `x + y` are operations of the graph that share names with the Multiply and Add layers.
import keras
from keras import layers

inputs = keras.Input(shape=(16, 16, 32))
x = layers.Conv2D(32, 3, padding="same")(inputs)
s = layers.GlobalAveragePooling2D()(x)
s = layers.Dense(8, activation="relu")(s)
s = layers.Dense(32, activation="sigmoid")(s)
s = layers.Reshape((1, 1, 32))(s)
scaled = layers.Multiply()([x, s])
gated = x * s
summed = layers.Add()([scaled, gated])
out = summed + inputs
out = out - 0.5
model = keras.Model(inputs, out)
model.summary()
print([layer.name for layer in model.layers])
print(model.count_params())
