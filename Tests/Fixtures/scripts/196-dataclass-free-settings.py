"""Settings in a namedtuple and plain class, copied and compared, then a model."""
import collections
import copy

from tensorflow import keras

Settings = collections.namedtuple("Settings", ["filters", "kernel", "units"], defaults=[3, 32])


class Hyper:
    def __init__(self, lr=1e-3, epochs=5):
        self.lr = lr
        self.epochs = epochs

    def __eq__(self, other):
        return (self.lr, self.epochs) == (other.lr, other.epochs)


base = Settings(8)
bigger = base._replace(filters=16, units=64)
print(base, bigger, base == Settings(8, 3, 32))
hyper = Hyper()
tuned = copy.copy(hyper)
tuned.epochs = 10
print(hyper == Hyper(), hyper == tuned, vars(tuned))

model = keras.Sequential(name="from_settings")
model.add(keras.Input(shape=(28, 28, 1)))
for settings in (base, bigger):
    filters, kernel, units = settings
    model.add(keras.layers.Conv2D(filters, kernel, activation="relu"))
model.add(keras.layers.Flatten())
model.add(keras.layers.Dense(bigger.units, activation="relu"))
model.add(keras.layers.Dense(10))
model.summary()
