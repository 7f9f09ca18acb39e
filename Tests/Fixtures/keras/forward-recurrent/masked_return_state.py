from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(8,))
x = layers.Embedding(20, 4, mask_zero=True)(inputs)
sequence, h, c = layers.LSTM(3, return_sequences=True, return_state=True)(x)
model = keras.Model(inputs, [sequence, h, c])
