# A GRU encoder that hands back both its sequence and its final state, a SimpleRNN that starts
# from a projection of that state, and a model with three outputs.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(20, 8), name="frames")
sequence, state = layers.GRU(32, return_sequences=True, return_state=True)(inputs)
start = layers.Dense(16, activation="tanh")(state)
last, final = layers.SimpleRNN(16, return_state=True, go_backwards=True)(sequence, initial_state=start)
model = keras.Model(inputs, [sequence, last, final])
model.summary()
print(model.output_shape)
print(len(model.outputs), model.count_params())
