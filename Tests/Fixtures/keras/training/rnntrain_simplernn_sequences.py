# Training fixture rnntrain_simplernn_sequences: SimpleRNN stacks: relu with return_sequences, tanh going backwards, TimeDistributed-free Dense on sequences, Adam, mse.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(5, 2)),
    layers.SimpleRNN(6, activation='relu', return_sequences=True),
    layers.SimpleRNN(4, go_backwards=True, return_sequences=True),
    layers.Dense(1),
], name='rnntrain_simplernn_sequences')
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='mse', metrics=['mae'])
