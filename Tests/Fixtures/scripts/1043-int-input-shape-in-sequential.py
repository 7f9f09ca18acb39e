# `input_shape=(26)` is the int 26, not a tuple. tf-keras turns it into a shape in the layer's
# constructor and fails there; Keras 3 keeps it, makes the layer, and fails only when a
# Sequential model builds its input layer from it.
from tensorflow import keras
from tensorflow.keras import layers

print("making the layer")
flat = layers.Flatten(input_shape=(26))
print("made", flat.name)
model = keras.Sequential([flat, layers.Dense(2)])
model.summary()
