from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(8,)),
    layers.Embedding(20, 4, mask_zero=True),
    layers.Bidirectional(layers.LSTM(3, return_sequences=True)),
    layers.Bidirectional(layers.GRU(2)),
])
