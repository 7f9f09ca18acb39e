from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(7, 3)),
    layers.Masking(mask_value=0.0),
    layers.GRU(4, return_sequences=True),
    layers.LSTM(2),
])
