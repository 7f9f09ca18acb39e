# Dropout rate above 1.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(10,)),
    layers.Dense(10),
    layers.Dropout(1.5),
])
