from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(6, 3))
outputs = layers.Bidirectional(layers.LSTM(3, return_state=True))(inputs)
model = keras.Model(inputs, outputs)
