# A 5x5 convolution on a 4x4 input: the output would have a negative size.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(4, 4, 3)),
    layers.Conv2D(8, 5),
    layers.Flatten(),
    layers.Dense(10),
])
