# Normalization needs the kept axis to have a known size.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(None, None, 3)),
    layers.Normalization(axis=1),
])
