# An image model with augmentation and rescaling layers in front, as the image-classification
# tutorials build it.
from tensorflow import keras
from tensorflow.keras import layers

augment = keras.Sequential([
    layers.RandomFlip("horizontal"),
    layers.RandomRotation(0.1),
    layers.RandomZoom(0.1),
], name="augmentation")
inputs = keras.Input((64, 64, 3))
x = augment(inputs)
x = layers.Rescaling(1.0 / 255)(x)
x = layers.Conv2D(16, 3, padding="same", activation="relu")(x)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(32, 3, padding="same", activation="relu")(x)
x = layers.MaxPooling2D()(x)
x = layers.Dropout(0.2)(x)
x = layers.Flatten()(x)
outputs = layers.Dense(5)(x)
flowers = keras.Model(inputs, outputs, name="flowers")
flowers.summary()
flowers.summary(expand_nested=True)
