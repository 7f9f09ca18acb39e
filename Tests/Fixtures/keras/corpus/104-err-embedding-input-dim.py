# Embedding refuses a vocabulary of size 0.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    layers.Embedding(0, 8, input_length=10),
    layers.GlobalAveragePooling1D(),
])
