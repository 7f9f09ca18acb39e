# Forward-pass fixture reshape_permute: Reshape (with -1) and Permute.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(4, 3, 2)),
    layers.Reshape((6, -1)),
    layers.Permute((2, 1)),
    layers.Reshape((2, 2, 6)),
    layers.Permute((3, 1, 2)),
    layers.Flatten(),
], name='reshape_permute')
