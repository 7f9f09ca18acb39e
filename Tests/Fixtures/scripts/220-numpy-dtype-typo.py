# Dummy data for a quick shape check, with a typo in the dtype's name.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(8,)),
    layers.Dense(4, activation="relu"),
    layers.Dense(1),
])
model.summary()

batch = np.zeros((2, 8), dtype=np.flaot32)
print(model.predict(batch).shape)
