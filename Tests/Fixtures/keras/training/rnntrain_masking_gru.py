# Training fixture rnntrain_masking_gru: Masking on float steps of zeros, GRU returning sequences going backwards, SimpleRNN, SGD, mse.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(6, 3)),
    layers.Masking(mask_value=0.0),
    layers.GRU(4, return_sequences=True, go_backwards=True),
    layers.SimpleRNN(3),
    layers.Dense(2),
], name='rnntrain_masking_gru')
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss='mse')
