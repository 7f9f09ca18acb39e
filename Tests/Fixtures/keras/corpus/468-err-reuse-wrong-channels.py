# Reusing a trained-for-RGB feature extractor on grayscale input.
from tensorflow import keras
from tensorflow.keras import layers

features = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
], name="features")

gray = keras.Input(shape=(32, 32, 1))
out = features(gray)
