from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(5, 3)),
    layers.LSTM(4, activation='relu', recurrent_activation='hard_sigmoid', use_bias=False,
                return_sequences=True, go_backwards=True),
    layers.LSTM(3, unroll=True, dropout=0.2, recurrent_dropout=0.1),
])
