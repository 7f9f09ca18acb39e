"""A bias started from a NumPy array (keras.initializers.Constant(np.log(...))), a kernel from an
identity matrix, and weights changed in place with assign / assign_add before predict."""
import numpy as np
import tensorflow as tf
from tensorflow import keras

positives, negatives = 30, 970
start = np.log([positives / negatives])
print(start)
identity = np.array([[1.0, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]])
model = keras.Sequential([
    keras.Input(shape=(4,)),
    keras.layers.Dense(4, kernel_initializer=keras.initializers.Constant(identity),
                       bias_initializer=keras.initializers.Constant(np.array([0.5, 0.0, -0.5, 1.0]))),
    keras.layers.Dense(1, activation="sigmoid", kernel_initializer="ones",
                       bias_initializer=keras.initializers.Constant(start)),
])
print(model.layers[-1].bias.numpy())
print(model.layers[0].kernel.numpy()[1], model.layers[0].bias.numpy())
x = np.array([[1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]], dtype="float32")
print(np.round(model.predict(x, verbose=0), 5))
model.layers[-1].bias.assign([0.0])
model.layers[0].bias.assign_add(np.array([0.5, 0.5, 0.5, 0.5]))
print(model.layers[-1].bias.numpy(), model.layers[0].bias.numpy())
print(np.round(model.predict(x, verbose=0), 5))
