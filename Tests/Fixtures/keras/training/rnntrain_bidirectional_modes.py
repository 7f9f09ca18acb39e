# Training fixture rnntrain_bidirectional_modes: Bidirectional GRU (sum), SimpleRNN (mul) and LSTM (ave), sequences then a last state, SGD, softmax head.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(6, 3)),
    layers.Bidirectional(layers.GRU(3, return_sequences=True), merge_mode='sum'),
    layers.Bidirectional(layers.SimpleRNN(4, return_sequences=True), merge_mode='mul'),
    layers.Bidirectional(layers.LSTM(3), merge_mode='ave'),
    layers.Dense(3, activation='softmax'),
], name='rnntrain_bidirectional_modes')
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.2), loss='categorical_crossentropy', metrics=['accuracy'])
