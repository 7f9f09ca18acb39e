# Strides > 1 together with dilation_rate > 1.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(64, 64, 3)),
    layers.Conv2D(16, 3, strides=2, dilation_rate=2),
])
