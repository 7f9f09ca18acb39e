# Permute dims must be a permutation of 1..rank.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(4, 6)),
    layers.Permute((1, 3)),
])
