# Forward-pass fixture dense_rank4: Dense on a rank-4 input, then Flatten + Dense.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(3, 3, 2)),
    layers.Dense(4),
    layers.Flatten(),
    layers.Dense(3),
], name='dense_rank4')
