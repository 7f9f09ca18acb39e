# Conv1D on a flat vector.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(128,)),
    layers.Conv1D(16, 3),
])
