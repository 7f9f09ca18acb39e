from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(7, 3))
x = layers.Masking()(inputs)
x = layers.GRU(4, return_sequences=True)(x)
pooled = layers.GlobalAveragePooling1D()(x)
outputs = layers.Concatenate()([pooled, layers.GlobalMaxPooling1D()(x)])
model = keras.Model(inputs, outputs)
