# Training fixture rnntrain_mask_zero_bidirectional: Embedding(mask_zero=True), Dense and Dropout carrying the mask, Bidirectional LSTM sequences (masked steps zeroed), Bidirectional GRU, RMSprop.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(7,)),
    layers.Embedding(20, 3, mask_zero=True),
    layers.Dense(4, activation='tanh'),
    layers.Bidirectional(layers.LSTM(3, return_sequences=True)),
    layers.Bidirectional(layers.GRU(2), merge_mode='sum'),
    layers.Dense(3, activation='softmax'),
], name='rnntrain_mask_zero_bidirectional')
model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
