from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(6, 3)),
    layers.Bidirectional(layers.LSTM(4, return_sequences=True)),
    layers.Bidirectional(layers.GRU(3, return_sequences=True), merge_mode='sum'),
    layers.Bidirectional(layers.SimpleRNN(3, return_sequences=True), merge_mode='mul'),
    layers.Bidirectional(layers.LSTM(2), merge_mode='ave'),
])
