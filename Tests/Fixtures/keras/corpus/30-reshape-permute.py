# Reshape (including -1 for an inferred axis) and Permute.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(12, 10, 6)),
    layers.Reshape((120, 6)),
    layers.Reshape((-1, 4)),
    layers.Permute((2, 1)),
    layers.Reshape((4, 6, -1)),
    layers.Permute((3, 1, 2)),
    layers.Reshape((720,)),
    layers.Reshape((-1,)),
    layers.Reshape((2, -1, 3, 4)),
])
model.summary()
print(model.output_shape)
print([l.output_shape for l in model.layers])
