from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(7, 3)),
    layers.SimpleRNN(5, return_sequences=True),
    layers.SimpleRNN(4, go_backwards=True),
    layers.Dense(2),
])
