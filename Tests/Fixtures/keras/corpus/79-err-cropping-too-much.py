# Cropping more than the input has.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(10, 10, 3)),
    layers.Cropping2D(cropping=((3, 3), (6, 5))),
])
