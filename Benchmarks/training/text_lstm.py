# A benchmark model of Benchmarks/training_vs_tensorflow.py (--model text_lstm): IMDB-style
# sentiment, token ids -> Embedding -> LSTM -> sigmoid.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(80,)),
    layers.Embedding(10000, 32),
    layers.LSTM(32),
    layers.Dense(1, activation='sigmoid'),
], name='text_lstm')
model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy'])
