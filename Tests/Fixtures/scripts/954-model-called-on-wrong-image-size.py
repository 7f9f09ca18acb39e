# Images of the wrong size given straight to a built model: the model's input spec refuses them
# before any layer runs (tf-keras names the model, Keras 3 the input as well).
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

pixels = keras.Input(shape=(12, 12, 3), name="pixels")
features = layers.Conv2D(4, 3, activation="relu")(pixels)
features = layers.GlobalAveragePooling2D()(features)
scorer = keras.Model(pixels, layers.Dense(2)(features), name="scorer")

batch = np.zeros((2, 14, 12, 3), dtype="float32")
try:
    scorer(batch)
except ValueError as error:
    print("functional:", error)

stack = keras.Sequential([keras.Input(shape=(6, 5)), layers.Flatten(), layers.Dense(3)])
print(stack(np.ones((1, 6, 5), dtype="float32")).shape)

scorer(np.zeros((1, 12, 10, 3), dtype="float32"))
