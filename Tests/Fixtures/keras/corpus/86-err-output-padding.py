# output_padding must be smaller than the stride.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(8, 8, 4)),
    layers.Conv2DTranspose(4, 3, strides=2, output_padding=2),
])
