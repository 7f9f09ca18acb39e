# A Rescaling layer inside a model that fit() trains: the course pattern `Rescaling(1./255)` first
# on uint8 images, and one between two layers (scale and offset), whose backward pass scales the
# gradient that reaches the layers before it.
import numpy as np
import tensorflow as tf
from tensorflow import keras

tf.keras.utils.set_random_seed(7)
images = np.random.RandomState(0).randint(0, 256, (24, 6, 6, 1)).astype("uint8")
labels = np.arange(24) % 3

model = keras.Sequential(
    [
        keras.Input((6, 6, 1)),
        keras.layers.Rescaling(1.0 / 255),
        keras.layers.Conv2D(4, 3, activation="relu"),
        keras.layers.Rescaling(0.5, offset=-0.25),
        keras.layers.Flatten(),
        keras.layers.Dense(3, activation="softmax"),
    ]
)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
history = model.fit(images, labels, batch_size=8, epochs=3, verbose=0, shuffle=False)
print(history.history["loss"])
print(model.predict(images[:2], verbose=0))
