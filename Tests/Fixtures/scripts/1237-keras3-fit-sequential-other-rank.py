"""fit a convolutional Sequential model on images without their rows: a rank short by more than
a last axis of 1, traced with the batch unknown (Keras 3's "Invalid input shape" text)."""
import numpy as np
import keras

model = keras.Sequential(
    [
        keras.Input((6, 6, 1)),
        keras.layers.Conv2D(2, 3, activation="relu"),
        keras.layers.Flatten(),
        keras.layers.Dense(1, activation="sigmoid"),
    ]
)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(np.zeros((4, 36)), np.zeros((4, 1)), verbose=0)
