# Keras removed Sequential.predict_classes; CPython suggests the closest name of dir(model).
import numpy as np
from tensorflow import keras

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")
samples = np.zeros((2, 4))
print("classes:", model.predict_classes(samples))
