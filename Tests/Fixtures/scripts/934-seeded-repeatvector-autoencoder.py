# RepeatVector trained from a seed: an encoding repeated along a new time axis, decoded step by
# step (a Dense on the last axis, a Conv1D); fit sums the gradients of the repeated copies back into
# the encoding. (No recurrent layer or TimeDistributed: their seeded initial values are not held
# exactly yet.)
import numpy as np
from tensorflow import keras

steps = 6
series = np.array(
    [np.linspace(0.1, 0.6, steps), np.linspace(0.9, 0.4, steps), np.sin(np.arange(steps) / 2)],
    dtype="float32",
).reshape(3, steps, 1)

keras.utils.set_random_seed(12)
model = keras.Sequential(
    [
        keras.Input(shape=(steps, 1)),
        keras.layers.Flatten(),
        keras.layers.Dense(4, activation="relu"),
        keras.layers.RepeatVector(steps),
        keras.layers.Dense(3, activation="relu"),
        keras.layers.Conv1D(1, 2, padding="same"),
    ]
)
model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
history = model.fit(series, series, epochs=12, batch_size=2, shuffle=False, verbose=0)
print([round(value, 6) for value in history.history["loss"]])
print(model.predict(series, verbose=0)[:, :, 0])
