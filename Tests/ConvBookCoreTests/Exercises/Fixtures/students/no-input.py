from tensorflow import keras
from tensorflow.keras import layers

classifier = keras.Sequential([
    layers.Conv2D(16, 3, activation="relu"),
    layers.GlobalMaxPooling2D(),
    layers.Dense(10),
])
