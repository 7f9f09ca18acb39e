# Training fixture rnntrain_lstm_adam: LSTM on a float sequence, Dense head, Adam, mse.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(7, 3)),
    layers.LSTM(5),
    layers.Dense(2),
], name='rnntrain_lstm_adam')
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='mse', metrics=['mae'])
