# A 1D pooling window longer than the sequence.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(5, 3)),
    layers.MaxPooling1D(pool_size=8),
])
