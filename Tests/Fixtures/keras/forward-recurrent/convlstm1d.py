from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(5, 9, 2)),
    layers.ConvLSTM1D(3, 3, dilation_rate=2, return_sequences=True, go_backwards=True),
    layers.ConvLSTM1D(2, 2, padding='same', recurrent_activation='sigmoid'),
])
