# Negative dropout rate.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(10,)),
    layers.Dense(10),
    layers.Dropout(-0.1),
])
