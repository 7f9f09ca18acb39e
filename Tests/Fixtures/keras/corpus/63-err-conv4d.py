# There is no 4D convolution layer.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(4, 8, 8, 8, 1)),
    layers.Conv4D(8, 3),
])
