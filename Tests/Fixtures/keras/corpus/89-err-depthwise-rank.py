# DepthwiseConv2D on a sequence.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(100, 8)),
    layers.DepthwiseConv2D(3),
])
