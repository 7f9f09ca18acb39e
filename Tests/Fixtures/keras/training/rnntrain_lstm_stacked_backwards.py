# Training fixture rnntrain_lstm_stacked_backwards: stacked LSTMs: return_sequences with go_backwards, relu and hard_sigmoid, no bias, l2 on the kernels, SGD momentum, binary.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(6, 4)),
    layers.LSTM(4, return_sequences=True, go_backwards=True, kernel_regularizer=keras.regularizers.l2(0.01), recurrent_regularizer=keras.regularizers.l2(0.02)),
    layers.LSTM(3, activation='relu', recurrent_activation='hard_sigmoid', use_bias=False),
    layers.Dense(1, activation='sigmoid'),
], name='rnntrain_lstm_stacked_backwards')
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1, momentum=0.9), loss='binary_crossentropy', metrics=['accuracy'])
