from tensorflow import keras
from tensorflow.keras import layers

encoder_inputs = keras.Input(shape=(6, 3))
_, h, c = layers.LSTM(5, return_state=True)(encoder_inputs)
decoder_inputs = keras.Input(shape=(4, 2))
x = layers.LSTM(5, return_sequences=True)(decoder_inputs, initial_state=[h, c])
outputs = layers.Dense(3, activation='softmax')(x)
model = keras.Model([encoder_inputs, decoder_inputs], outputs)
