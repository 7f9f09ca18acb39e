from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential()
model.add(keras.Input(shape=(64, 64, 3)))
model.add(layers.Conv2D(16, 3, strides=2, activation="relu"))
model.add(layers.Conv2D(32, 3, activation="relu"))
print("After two convolutions:")
model.summary()
model.add(layers.MaxPooling2D(3))
model.add(layers.Conv2D(32, 3, activation="relu"))
model.add(layers.GlobalMaxPooling2D())
model.add(layers.Dense(5))
print("Final model:")
model.summary()
print(len(model.layers), "layers")
