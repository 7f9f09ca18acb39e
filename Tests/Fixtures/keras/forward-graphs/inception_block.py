from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(9, 9, 6))
b1 = layers.Conv2D(4, 1, activation="relu")(inputs)
b2 = layers.Conv2D(3, 1, activation="relu")(inputs)
b2 = layers.Conv2D(5, 3, padding="same", activation="relu")(b2)
b3 = layers.Conv2D(2, 1, activation="relu")(inputs)
b3 = layers.Conv2D(3, 5, padding="same", activation="relu")(b3)
b4 = layers.MaxPooling2D(3, strides=1, padding="same")(inputs)
b4 = layers.Conv2D(2, 1, activation="relu")(b4)
mixed = layers.concatenate([b1, b2, b3, b4])
rows = layers.Concatenate(axis=1)([mixed, layers.Conv2D(14, 1)(mixed)])
pooled = layers.GlobalMaxPooling2D()(rows)
model = keras.Model(inputs, layers.Dense(3)(pooled))
