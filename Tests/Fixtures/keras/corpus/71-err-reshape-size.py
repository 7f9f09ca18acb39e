# Reshape to a shape with a different number of elements.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(100,)),
    layers.Dense(7 * 7 * 64),
    layers.Reshape((7, 7, 32)),
])
