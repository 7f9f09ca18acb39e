from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(6, 3))
output, h, c = layers.LSTM(4, return_state=True)(inputs)
model = keras.Model(inputs, [output, h, c])
