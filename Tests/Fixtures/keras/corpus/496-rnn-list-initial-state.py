# Older seq2seq code passes the initial states in the input list: `decoder([inputs, h, c])`
# (tf-keras' RNN splits the list into the sequence and its initial states).
from tensorflow import keras
from tensorflow.keras import layers

encoder_inputs = keras.Input(shape=(None, 16))
_, h, c = layers.LSTM(32, return_state=True)(encoder_inputs)
decoder_inputs = keras.Input(shape=(None, 12))
decoded = layers.LSTM(32, return_sequences=True)([decoder_inputs, h, c])
outputs = layers.TimeDistributed(layers.Dense(12, activation="softmax"))(decoded)
model = keras.Model([encoder_inputs, decoder_inputs], outputs)
model.summary()
