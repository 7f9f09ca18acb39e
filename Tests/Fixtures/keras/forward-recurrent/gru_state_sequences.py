from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(5, 3))
sequence, state = layers.GRU(4, return_sequences=True, return_state=True)(inputs)
start = layers.Dense(3, activation='tanh')(state)
last, final = layers.SimpleRNN(3, return_state=True, go_backwards=True)(sequence, initial_state=start)
model = keras.Model(inputs, [sequence, last, final])
