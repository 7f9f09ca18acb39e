# A model drawn without a seed: what does not depend on its random weights still prints
# (shapes, lengths, types, keys, counts), and a model whose weights are all constants prints
# its values through arithmetic, indexing, argmax, round(), float() and f-strings.
import numpy as np
from tensorflow import keras

drawn = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(4, activation="relu"),
                          keras.layers.Dense(2, activation="softmax")])
drawn.compile(optimizer="sgd", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
samples = np.arange(24, dtype="float32").reshape(8, 3) / 10.0
labels = np.array([0, 1, 0, 1, 1, 0, 1, 0])
scores = drawn.predict(samples, verbose=0)
print("scores", scores.shape, scores.dtype, len(scores), scores.ndim)
print("row", scores[0].shape, type(scores).__name__)
picked = np.argmax(scores, axis=1)
print("picked", picked.shape, picked.dtype)
history = drawn.fit(samples, labels, epochs=2, batch_size=4, verbose=0)
print(sorted(history.history.keys()), len(history.history["loss"]), history.epoch)
if "accuracy" in history.history:
    print("accuracy was recorded")
results = drawn.evaluate(samples, labels, verbose=0)
print("evaluate gives", len(results), "numbers")
print([w.shape for w in drawn.get_weights()], drawn.count_params())

steady = keras.Sequential([
    keras.Input(shape=(3,)),
    keras.layers.Dense(2, kernel_initializer="ones", bias_initializer="zeros"),
    keras.layers.Dense(3, kernel_initializer=keras.initializers.Constant(0.5),
                       bias_initializer=keras.initializers.Constant(-1.0)),
])
out = steady.predict(samples[:3], verbose=0)
print(out)
print(np.round(out * 2 - 1, 3), np.argmax(out[:, 0]), out.sum())
best = float(out[2, 1])
print(best, round(best, 2), f"{out[1, 2]:.3f}", int(out[0, 0] > 0))
if out.mean() > 0:
    print("positive mean", out.mean())
kernel, bias = steady.layers[1].get_weights()
print(kernel * 3, bias + 1)
