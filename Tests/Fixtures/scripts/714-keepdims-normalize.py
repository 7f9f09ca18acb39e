# Normalizing data with reductions that keep their axes.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

x = np.arange(12, dtype="float32").reshape(3, 4) + 1
row_sums = x.sum(axis=1, keepdims=True)
print(row_sums.shape, row_sums.dtype)
print(x / row_sums)
logits = np.array([[1.0, 2.0, 0.5], [0.1, 0.2, 3.0]])
shifted = logits - logits.max(axis=-1, keepdims=True)
weights = np.exp(shifted)
probs = weights / weights.sum(axis=-1, keepdims=True)
print(probs)
print(np.argmax(probs, axis=1, keepdims=True), probs.argmin(axis=1, keepdims=True).shape)
mean = x.mean(axis=0, keepdims=True)
std = x.std(axis=0, keepdims=True)
print(mean, std)
print((x - mean) / std)
print(np.max(x, keepdims=True), np.min(x, axis=0, keepdims=True), np.amax(x, axis=1, keepdims=True).T)
print(np.var(x, axis=(0, 1), keepdims=True), np.std(x, axis=1, ddof=1, keepdims=True).ravel())
print(np.sum(np.arange(6).reshape(2, 3), axis=0, keepdims=True), np.mean(np.arange(4), keepdims=True))
print(x.var(keepdims=True).shape, np.sum(x, keepdims=False), np.argmax(x, keepdims=True))
images = np.arange(2 * 3 * 3 * 2, dtype="float32").reshape(2, 3, 3, 2)
channel_mean = images.mean(axis=(0, 1, 2), keepdims=True)
print(channel_mean.shape, channel_mean.ravel())

model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(3, activation="softmax")])
model.summary()
print(model.predict((x - mean) / std, verbose=0).shape)
