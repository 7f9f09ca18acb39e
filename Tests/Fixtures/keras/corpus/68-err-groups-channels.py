# groups must divide the number of input channels.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(16, 16, 6)),
    layers.Conv2D(8, 3, groups=4),
])
