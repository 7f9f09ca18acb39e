# A Loss subclass given to compile(): model.loss is the loss object itself (its attributes, name
# and config), and calling it reduces what its call() returns to the mean.
import numpy as np
import tensorflow as tf
from tensorflow import keras


class PinballLoss(keras.losses.Loss):
    def __init__(self, quantiles, name="pinball"):
        super().__init__(name=name)
        self.quantiles = quantiles

    def call(self, y_true, y_pred):
        losses = []
        for i, q in enumerate(self.quantiles):
            error = y_true[:, 0] - y_pred[:, i]
            losses.append(tf.reduce_mean(tf.maximum(q * error, (q - 1) * error)))
        return tf.reduce_mean(tf.stack(losses))


model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)])
model.compile(optimizer="adam", loss=PinballLoss([0.1, 0.5, 0.9]))
print(type(model.loss).__name__, model.loss.quantiles, model.loss.name)
print(isinstance(model.loss, keras.losses.Loss))
y_true = np.array([[1.0], [2.0]], dtype="float32")
y_pred = np.array([[0.5, 1.0, 1.5], [1.5, 2.0, 2.5]], dtype="float32")
print(round(float(model.loss(y_true, y_pred)), 6))
