"""A keras.utils.Sequence that serves in-memory batches to fit, evaluate and predict."""
import math
import random
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class ArrayBatches(keras.utils.Sequence):
    def __init__(self, features, targets, batch_size, **kwargs):
        super().__init__(**kwargs)
        self.features = features
        self.targets = targets
        self.batch_size = batch_size
        self.epochs_seen = 0

    def __len__(self):
        return math.ceil(len(self.features) / self.batch_size)

    def __getitem__(self, index):
        start = index * self.batch_size
        stop = start + self.batch_size
        return self.features[start:stop], self.targets[start:stop]

    def on_epoch_end(self):
        self.epochs_seen += 1


class InputsOnly(keras.utils.Sequence):
    def __init__(self, features, batch_size):
        super().__init__()
        self.features = features
        self.batch_size = batch_size

    def __len__(self):
        return len(self.features) // self.batch_size

    def __getitem__(self, index):
        return self.features[index * self.batch_size:(index + 1) * self.batch_size]


keras.utils.set_random_seed(7)
features = np.random.rand(24, 5).astype("float32")
targets = (features.sum(axis=1) > 2.5).astype("float32")

train = ArrayBatches(features, targets, batch_size=6)
print(train.__len__(), train.batch_size)

model = keras.Sequential([
    keras.Input(shape=(5,)),
    layers.Dense(4, activation="tanh"),
    layers.Dense(1, activation="sigmoid"),
])
model.set_weights([
    np.linspace(-0.5, 0.5, 20).reshape(5, 4).astype("float32"),
    np.zeros(4, dtype="float32"),
    np.array([[0.3], [-0.2], [0.1], [0.4]], dtype="float32"),
    np.zeros(1, dtype="float32"),
])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="binary_crossentropy")
history = model.fit(train, epochs=3, verbose=0)
print([round(value, 4) for value in history.history["loss"]])
print("epochs seen:", train.epochs_seen)
print(round(model.evaluate(train, verbose=0), 4), train.epochs_seen)
print(model.predict(InputsOnly(features, 8), verbose=0).shape)
print(round(random.random(), 6))

ordered = ArrayBatches(features, targets, batch_size=8)
history = model.fit(ordered, epochs=2, shuffle=False, verbose=0,
                    validation_data=ArrayBatches(features[:8], targets[:8], 4))
print(sorted(history.history), len(history.history["val_loss"]))

try:
    model.fit(train, targets, epochs=1, verbose=0)
except ValueError as err:
    print("ValueError:", err)
