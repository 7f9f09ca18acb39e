# Forward-pass fixture conv1d_text: 1D CNN: Conv1D, MaxPooling1D, GlobalMaxPooling1D, Dense sigmoid.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(20, 4)),
    layers.Conv1D(6, 5, activation='relu'),
    layers.MaxPooling1D(2),
    layers.Conv1D(6, 3, padding='same', activation='relu'),
    layers.GlobalMaxPooling1D(),
    layers.Dense(1, activation='sigmoid'),
], name='conv1d_text')
