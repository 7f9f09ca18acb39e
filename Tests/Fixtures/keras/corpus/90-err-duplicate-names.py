# Two layers with the same name in one model.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(8,)),
    layers.Dense(4, name='fc'),
    layers.Dense(4, name='fc'),
])
