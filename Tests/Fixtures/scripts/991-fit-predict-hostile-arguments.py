# fit, evaluate and predict given sizes below 1 or data without samples: tf-keras' data handler
# says which argument is wrong; Keras 3 fails otherwise or does nothing.
import numpy as np
from tensorflow import keras

legacy = not hasattr(keras, "ops")
model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])
model.compile(optimizer="adam", loss="mse")
x = np.ones((4, 4), dtype="float32")
y = np.ones((4, 2), dtype="float32")
empty = np.ones((0, 4), dtype="float32")

attempts = [
    ("predict on no samples", lambda: model.predict(empty, verbose=0)),
    ("fit for -5 epochs", lambda: model.fit(x, y, epochs=-5, verbose=0)),
]
if legacy:
    attempts += [
        ("fit for 0 epochs", lambda: model.fit(x, y, epochs=0, verbose=0)),
        ("fit from epoch -1", lambda: model.fit(x, y, initial_epoch=-1, verbose=0)),
        ("fit in batches of -1", lambda: model.fit(x, y, batch_size=-1, verbose=0)),
        ("evaluate in batches of 0", lambda: model.evaluate(x, y, batch_size=0, verbose=0)),
        ("predict in batches of 0", lambda: model.predict(x, batch_size=0, verbose=0)),
        ("fit on no samples", lambda: model.fit(empty, np.ones((0, 2)), verbose=0)),
        ("evaluate on no samples", lambda: model.evaluate(empty, np.ones((0, 2)), verbose=0)),
    ]
for what, attempt in attempts:
    try:
        attempt()
        print(what, "ran")
    except (ValueError, UnboundLocalError) as error:
        print(what, type(error).__name__, error)
