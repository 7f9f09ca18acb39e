# A 2D global pooling after a 1D convolution stack.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(100, 8)),
    layers.Conv1D(16, 5, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(1),
])
