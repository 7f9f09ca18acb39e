# Forward-pass fixture conv1d_strides_padding: Conv1D valid/same, strides 1 and 2.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(11, 3)),
    layers.Conv1D(4, 3),
    layers.Conv1D(5, 3, strides=2, padding='same'),
    layers.Conv1D(4, 2, strides=2, padding='valid', activation='relu'),
], name='conv1d_strides_padding')
