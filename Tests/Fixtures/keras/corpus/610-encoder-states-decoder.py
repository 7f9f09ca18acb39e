# A character-level translator: the encoder LSTM hands its final states to the decoder LSTM.
from tensorflow import keras
from tensorflow.keras import layers

source = keras.Input(shape=(None,), dtype="int32")
embedded = layers.Embedding(40, 16)(source)
_, state_h, state_c = layers.LSTM(32, return_state=True)(embedded)

target = keras.Input(shape=(None,), dtype="int32")
target_embedded = layers.Embedding(12, 16)(target)
decoded = layers.LSTM(32, return_sequences=True)(
    target_embedded, initial_state=[state_h, state_c])
outputs = layers.Dense(12, activation="softmax")(decoded)
model = keras.Model([source, target], outputs)
model.summary()
