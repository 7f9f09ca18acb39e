# Python's bool is an int, and Keras' fit, evaluate and predict take True for 1 wherever they take
# a count: one epoch, batches of one sample.
from tensorflow import keras
import numpy as np

model = keras.Sequential(
    [keras.Input((3,)), keras.layers.Dense(1, kernel_initializer="ones", bias_initializer="zeros")])
model.compile("sgd", "mse")
x, y = np.ones((4, 3), "float32"), np.full((4, 1), 3.0, "float32")
history = model.fit(x, y, epochs=True, batch_size=True, verbose=False, shuffle=False)
print(history.epoch, len(history.history["loss"]))
print(model.predict(x, batch_size=True, verbose=False).shape)
print(round(model.evaluate(x, y, batch_size=True, verbose=False), 4))
