# Training fixture rnntrain_gru_reset_before: GRU with reset_after=False returning sequences and going backwards, GlobalAveragePooling1D, then a GRU of its own, Adam.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(6, 3)),
    layers.GRU(4, reset_after=False, return_sequences=True, go_backwards=True),
    layers.GRU(3, reset_after=False, return_sequences=True, activation='relu'),
    layers.GlobalAveragePooling1D(),
    layers.Dense(2),
], name='rnntrain_gru_reset_before')
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.02), loss='mse')
