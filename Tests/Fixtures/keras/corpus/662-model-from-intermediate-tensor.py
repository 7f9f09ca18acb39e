# The head of a network taken as its own model, starting from a tensor in the middle.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(20,))
x = layers.Dense(16, activation="relu", name="body_1")(inputs)
mid = layers.Dense(8, activation="relu", name="body_2")(x)
y = layers.Dense(4, name="head_1")(mid)
z = layers.Add(name="head_add")([y, layers.Dense(4, name="head_skip")(mid)])
full = keras.Model(inputs, z, name="full")

head = keras.Model(inputs=mid, outputs=z, name="head")
head.summary()
print([layer.name for layer in head.layers])
print(head.input_shape, head.output_shape)
full.summary()
