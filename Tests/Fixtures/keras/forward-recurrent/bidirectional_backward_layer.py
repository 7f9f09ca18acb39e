from tensorflow import keras
from tensorflow.keras import layers

forward = layers.LSTM(3, return_sequences=True)
backward = layers.GRU(3, return_sequences=True, go_backwards=True)
model = keras.Sequential([
    keras.Input(shape=(5, 2)),
    layers.Bidirectional(forward, backward_layer=backward),
    layers.GlobalMaxPooling1D(),
])
