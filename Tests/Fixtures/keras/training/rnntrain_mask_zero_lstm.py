# Training fixture rnntrain_mask_zero_lstm: Embedding(mask_zero=True) into an LSTM returning sequences, masked GlobalAveragePooling1D, Adam, padded token ids.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(8,)),
    layers.Embedding(25, 4, mask_zero=True),
    layers.LSTM(4, return_sequences=True),
    layers.GlobalAveragePooling1D(),
    layers.Dense(1, activation='sigmoid'),
], name='rnntrain_mask_zero_lstm')
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='binary_crossentropy', metrics=['accuracy'])
