# Training fixture rnntrain_graph_seq2seq_sgd: an encoder-decoder: LSTM return_state, a decoder LSTM from initial_state, a softmax per step, sgd.
from tensorflow import keras
from tensorflow.keras import layers

encoder_inputs = keras.Input(shape=(5, 3), name='encoder_inputs')
decoder_inputs = keras.Input(shape=(4, 2), name='decoder_inputs')
_, state_h, state_c = layers.LSTM(4, return_state=True)(encoder_inputs)
decoder = layers.LSTM(4, return_sequences=True, return_state=True)
sequence, _, _ = decoder(decoder_inputs, initial_state=[state_h, state_c])
outputs = layers.Dense(3, activation='softmax')(sequence)
model = keras.Model([encoder_inputs, decoder_inputs], outputs, name='seq2seq')
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.9), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
