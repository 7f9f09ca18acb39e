# Flatten of a variable-size image leaves Dense without a defined input size.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(None, None, 3)),
    layers.Conv2D(16, 3),
    layers.Flatten(),
    layers.Dense(10),
])
