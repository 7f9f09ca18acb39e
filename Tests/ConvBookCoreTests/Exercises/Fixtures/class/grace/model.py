from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.GlobalMaxPooling2D(),
    layers.Conv2D(16, 3),
    layers.Dense(10),
])
