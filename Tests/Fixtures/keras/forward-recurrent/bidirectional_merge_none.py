from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(6, 3))
forward, backward = layers.Bidirectional(layers.GRU(3, return_sequences=True), merge_mode=None)(inputs)
both = layers.Concatenate()([forward, backward])
_, fh, bh = layers.Bidirectional(layers.GRU(2, return_state=True), merge_mode='sum')(both)
x = layers.GRU(2)(forward, initial_state=fh)
model = keras.Model(inputs, [x, backward, bh])
