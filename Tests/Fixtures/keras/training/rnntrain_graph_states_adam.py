# Training fixture rnntrain_graph_states_adam: GRU sequences with return_state, Bidirectional LSTM merge_mode=None with return_state, a GRU from a state, Concatenate, adam.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(6, 3))
sequence, state = layers.GRU(4, return_sequences=True, return_state=True, reset_after=False)(inputs)
forward, backward, fh, fc, bh, bc = layers.Bidirectional(layers.LSTM(3, return_state=True), merge_mode=None)(sequence)
again = layers.GRU(4)(sequence, initial_state=state)
x = layers.Concatenate()([forward, backward, fh, bc, again])
outputs = layers.Dense(2)(x)
model = keras.Model(inputs, outputs, name='states')
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='mse')
