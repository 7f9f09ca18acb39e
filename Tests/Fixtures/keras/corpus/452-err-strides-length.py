# Strides with one value too many for a 2D convolution.
from tensorflow.keras import layers, models

model = models.Sequential()
model.add(layers.Input(shape=(64, 64, 3)))
model.add(layers.Conv2D(32, 3, strides=(2, 2, 2)))
