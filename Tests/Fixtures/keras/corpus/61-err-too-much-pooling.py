# Pooling until nothing is left.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential()
model.add(keras.Input(shape=(28, 28, 1)))
model.add(layers.Conv2D(32, 3, activation='relu'))
model.add(layers.MaxPooling2D(2))
model.add(layers.MaxPooling2D(2))
model.add(layers.MaxPooling2D(2))
model.add(layers.MaxPooling2D(2))
model.add(layers.MaxPooling2D(2))
model.add(layers.Flatten())
model.add(layers.Dense(10))
model.summary()
