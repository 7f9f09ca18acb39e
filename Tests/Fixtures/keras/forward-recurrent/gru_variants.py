from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(6, 3)),
    layers.GRU(5, return_sequences=True, go_backwards=True),
    layers.GRU(3, reset_after=False),
])
