# `fit(epochs=True, verbose=False)`: a Python bool is an int, so one epoch runs silently, and the
# history's params keep the values as they were given (both Kerases print True and False there).
# No epoch to run still gives params: tf-keras refuses `epochs=False` (showing the value as given)
# and runs nothing for an initial epoch past the last; Keras 3 runs nothing for both.
from tensorflow import keras
import numpy as np

keras.utils.set_random_seed(4)
net = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
net.compile(optimizer="sgd", loss="mse")
xs = np.array([[0.5, 1.0], [1.0, 0.0], [0.0, 2.0]])
ys = np.array([[1.0], [0.0], [2.0]])
first = net.fit(xs, ys, epochs=True, verbose=False, batch_size=2)
print(first.epoch, first.params)
second = net.fit(xs, ys, epochs=3, initial_epoch=True, verbose=0, batch_size=True)
print(second.epoch, second.params)
late = net.fit(xs, ys, epochs=2, initial_epoch=5, verbose=0, batch_size=2)
print(late.epoch, late.params, late.history)
try:
    third = net.fit(xs, ys, epochs=False, verbose=True)
    print(third.epoch, third.params, third.history)
except ValueError as error:
    print("ValueError:", error)
try:
    net.fit(xs, ys, epochs=1, verbose=0, batch_size=False)
    print("batch_size=False trained")
except ValueError as error:
    print("ValueError:", error)
