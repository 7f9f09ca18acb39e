from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(8,)),
    layers.Embedding(20, 6, mask_zero=True),
    layers.LSTM(5, return_sequences=True),
    layers.Dense(4),
    layers.LSTM(3),
])
