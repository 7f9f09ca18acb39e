# A subclassed model whose call is arithmetic on its input is built on the data it first gets: a
# 1-D x makes inputs of shape (None,), which evaluate and predict feed as they are (not as the
# column an input of shape (None, 1) would take).
import numpy as np
import tensorflow as tf


class Line(tf.keras.Model):
    def call(self, inputs):
        return inputs * 2.5 + 1.0


x = np.linspace(-2.0, 2.0, 9).astype("float32")
y = x * 3.0 + 2.0
model = Line()
model.compile(optimizer="sgd", loss="mse", metrics=["mae"])
print([round(value, 5) for value in model.evaluate(x, y, batch_size=4, verbose=0)])
predictions = model.predict(x, verbose=0)
print(predictions.shape, predictions[:3])
