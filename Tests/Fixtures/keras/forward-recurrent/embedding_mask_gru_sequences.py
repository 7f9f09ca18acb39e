from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(8,)),
    layers.Embedding(20, 4, mask_zero=True),
    layers.GRU(3, return_sequences=True),
    layers.SimpleRNN(2, return_sequences=True, go_backwards=True),
])
