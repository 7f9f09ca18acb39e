from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(None, 4))
x = layers.GRU(4, return_sequences=True)(inputs)
x = layers.Dense(3, activation='relu')(x)
outputs = layers.SimpleRNN(2)(x)
model = keras.Model(inputs, outputs)
