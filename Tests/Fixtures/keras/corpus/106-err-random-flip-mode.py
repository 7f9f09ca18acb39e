# RandomFlip refuses an unknown mode.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(64, 64, 3)),
    layers.RandomFlip('diagonal'),
])
