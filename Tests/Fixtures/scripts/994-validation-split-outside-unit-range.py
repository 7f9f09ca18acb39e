# validation_split is used as Keras computes it, int(floor(n * (1 - split))): NaN and infinities
# fail in int(), and 1.5 of 4 samples slices from the end (2 to train on, 2 to validate).
import numpy as np
from tensorflow import keras

model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])
model.compile(optimizer="adam", loss="mse")
x = np.ones((4, 4), dtype="float32")
y = np.ones((4, 2), dtype="float32")
for split in [1.5, 1.25, float("nan"), float("inf")]:
    try:
        history = model.fit(x, y, validation_split=split, verbose=0)
        print(split, sorted(history.history))
    except (ValueError, OverflowError) as error:
        print(split, type(error).__name__, error)
