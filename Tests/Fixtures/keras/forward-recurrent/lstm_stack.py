from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(6, 4)),
    layers.LSTM(6, return_sequences=True),
    layers.LSTM(4),
])
