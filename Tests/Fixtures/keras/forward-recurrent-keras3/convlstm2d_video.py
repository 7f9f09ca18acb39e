import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(4, 6, 6, 2)),
    layers.ConvLSTM2D(3, 3, padding='same', return_sequences=True),
    layers.ConvLSTM2D(2, (3, 3), strides=2),
])
