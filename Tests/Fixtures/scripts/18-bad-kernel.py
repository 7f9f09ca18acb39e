from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential()
model.add(keras.Input(shape=(8, 8, 1)))
model.add(layers.Conv2D(4, 3))
model.summary()
model.add(layers.Conv2D(4, 7))
