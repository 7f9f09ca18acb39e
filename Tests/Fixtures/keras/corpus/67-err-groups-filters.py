# groups must divide the number of filters.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(16, 16, 8)),
    layers.Conv2D(10, 3, groups=4),
])
