# Only one axis of a Reshape target may be -1.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(12, 12)),
    layers.Reshape((-1, -1, 4)),
])
