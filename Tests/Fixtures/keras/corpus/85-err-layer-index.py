# model.layers[i] past the end.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(8,)),
    layers.Dense(4),
    layers.Dense(1),
])
print(len(model.layers))
print(model.layers[2].name)
