# A character-level seq2seq translator (the keras-io "lstm_seq2seq" recipe): the encoder LSTM
# returns its states, which start the decoder LSTM; a softmax Dense scores each target step.
from tensorflow import keras
from tensorflow.keras import layers

num_encoder_tokens, num_decoder_tokens, latent_dim = 71, 93, 256

encoder_inputs = keras.Input(shape=(None, num_encoder_tokens))
encoder = layers.LSTM(latent_dim, return_state=True)
encoder_outputs, state_h, state_c = encoder(encoder_inputs)
encoder_states = [state_h, state_c]

decoder_inputs = keras.Input(shape=(None, num_decoder_tokens))
decoder_lstm = layers.LSTM(latent_dim, return_sequences=True, return_state=True)
decoder_outputs, _, _ = decoder_lstm(decoder_inputs, initial_state=encoder_states)
decoder_dense = layers.Dense(num_decoder_tokens, activation="softmax")
decoder_outputs = decoder_dense(decoder_outputs)

model = keras.Model([encoder_inputs, decoder_inputs], decoder_outputs)
model.summary()
print(state_h.shape, state_c.shape)
print(model.output_shape)
