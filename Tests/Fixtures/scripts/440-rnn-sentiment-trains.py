"""A course-style sentiment model: padded token ids, Embedding(mask_zero=True), a Bidirectional
LSTM and a GRU, trained with fit and checked with evaluate and predict; then a time-series model
(SimpleRNN returning sequences, TimeDistributed Dense) trained on a sine-like pattern."""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

vocab_size = 20
max_len = 8
n = np.arange(24 * max_len).reshape(24, max_len)
mixed = n * 5 + n // 3
x = 1 + mixed - (mixed // 19) * 19
for i in range(24):
    cut = i - (i // 4) * 4
    if cut:
        x[i, :cut] = 0
y = (x[:, -1] > x[:, -2]).astype("float32")


def start_from_pattern(model):
    """The same starting weights on every run (a pattern instead of random initializers)."""
    weights = []
    for w in model.get_weights():
        k = np.arange(w.size).reshape(w.shape) * 7
        weights.append(((k - (k // 13) * 13) - 6).astype("float32") / 20.0)
    model.set_weights(weights)


model = keras.Sequential([
    keras.Input(shape=(max_len,)),
    layers.Embedding(vocab_size, 6, mask_zero=True),
    layers.Bidirectional(layers.LSTM(4, return_sequences=True)),
    layers.GRU(3),
    layers.Dense(1, activation="sigmoid"),
])
start_from_pattern(model)
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="binary_crossentropy",
              metrics=["accuracy"])
history = model.fit(x, y, epochs=4, batch_size=8, shuffle=False, verbose=0)
print("loss", [round(v, 3) for v in history.history["loss"]])
loss, accuracy = model.evaluate(x, y, verbose=0)
print("evaluate", round(loss, 3), round(accuracy, 3))
print(model.predict(x[:3], verbose=0).round(2).tolist())

steps = np.arange(12 * 6).reshape(12, 6, 1)
series = ((steps * 3 - (steps * 3 // 11) * 11) - 5).astype("float32") / 5.0
target = np.roll(series, -1, axis=1)
forecaster = keras.Sequential([
    keras.Input(shape=(6, 1)),
    layers.SimpleRNN(5, return_sequences=True),
    layers.TimeDistributed(layers.Dense(1)),
])
start_from_pattern(forecaster)
forecaster.compile(optimizer="rmsprop", loss="mse", metrics=["mae"])
history = forecaster.fit(series, target, epochs=3, batch_size=4, shuffle=False, verbose=0)
print("mse", [round(v, 3) for v in history.history["loss"]])
