from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(5, 3))
context = keras.Input(shape=(4,))
fh = layers.Dense(2, activation='tanh')(context)
fc = layers.Dense(2)(context)
bh = layers.Dense(2, activation='tanh')(context)
bc = layers.Dense(2)(context)
outputs = layers.Bidirectional(layers.LSTM(2, return_sequences=True))(
    inputs, initial_state=[fh, fc, bh, bc])
model = keras.Model([inputs, context], outputs)
