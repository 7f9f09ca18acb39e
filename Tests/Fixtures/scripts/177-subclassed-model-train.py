"""A subclassed keras.Model with Sequential parts: compile before it is built, fit builds it on the
data, then predict, evaluate and the summary."""
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class TinyAutoencoder(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.encoder = keras.Sequential([
            layers.Dense(3, activation="relu", kernel_initializer="ones", bias_initializer="zeros"),
            layers.Dense(2, kernel_initializer="ones", bias_initializer="zeros"),
        ], name="encoder")
        self.decoder = keras.Sequential([
            layers.Dense(4, activation="sigmoid", kernel_initializer="zeros",
                         bias_initializer="zeros"),
        ], name="decoder")

    def call(self, x):
        return self.decoder(self.encoder(x))


model = TinyAutoencoder()
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="mse")
x = np.array([[0.0, 1.0, 0.5, 0.25], [1.0, 0.0, 0.25, 0.5], [0.5, 0.5, 1.0, 0.0]], dtype="float32")
history = model.fit(x, x, epochs=4, batch_size=3, shuffle=False, verbose=0)
print([round(v, 4) for v in history.history["loss"]])
print(np.round(model.predict(x, verbose=0), 4))
print(round(float(model.evaluate(x, x, verbose=0)), 4))
print(model.encoder.count_params(), model.decoder.count_params(), model.count_params())
print([layer.name for layer in model.layers], model.encoder.layers[0].units)
