# Fully convolutional classifier that accepts any image size.
import keras
from keras import layers

inputs = keras.Input(shape=(None, None, 3), name="image")
x = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(inputs)
x = layers.Conv2D(64, 3, strides=2, padding="same", activation="relu")(x)
x = layers.Conv2D(128, 3, strides=2, padding="same", activation="relu")(x)
x = layers.Conv2D(10, 1)(x)
x = layers.GlobalMaxPooling2D()(x)
outputs = layers.Activation("softmax", name="probabilities")(x)
model = keras.Model(inputs, outputs, name="fcn")
model.summary()
for layer in model.layers:
    print(layer.name, layer.output.shape)
