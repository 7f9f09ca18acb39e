# A negative validation_split keeps every sample for training (x[:12] of 8) and none for
# validation (x[12:]): tf-keras fails when it makes the validation data, after the first epoch
# has trained; Keras 3 skips the empty validation data and trains without it.
import numpy as np
from tensorflow import keras

keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
x = np.ones((8, 3), dtype="float32")
y = np.ones((8, 1), dtype="float32")
for split in [-0.5, -3.0]:
    try:
        history = model.fit(x, y, validation_split=split, epochs=2, verbose=0)
        print(split, sorted(history.history), len(history.epoch))
    except ValueError as error:
        print(split, "ValueError", error)
