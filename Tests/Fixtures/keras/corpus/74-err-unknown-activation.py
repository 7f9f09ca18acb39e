# An activation name that does not exist.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(10,)),
    layers.Dense(10, activation='rectifier'),
])
