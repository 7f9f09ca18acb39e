from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(8, 12, 1))
x = layers.Conv2D(4, 3, padding='same', activation='relu')(inputs)
x = layers.MaxPooling2D((2, 2))(x)
x = layers.Permute((2, 1, 3))(x)
x = layers.Reshape((6, 16))(x)
x = layers.Bidirectional(layers.GRU(4, return_sequences=True))(x)
outputs = layers.Dense(5, activation='softmax')(x)
model = keras.Model(inputs, outputs)
