"""Standardising features: the mean and standard deviation per column, per channel, overall."""
import numpy as np

features = np.sqrt(np.arange(40, dtype="float32") * 0.731).reshape(8, 5)
print(np.std(features, axis=0))
print(features.var(axis=1))
print(np.round(float(np.std(features)), 5), np.round(float(features.var(ddof=1)), 5))
images = (np.arange(2 * 4 * 4 * 3, dtype="float32") / 7.0).reshape(2, 4, 4, 3)
mean = np.mean(images, axis=(0, 1, 2))
std = np.std(images, axis=(0, 1, 2))
print(mean, std)
normalised = (images - mean) / (std + 1e-7)
print(normalised.dtype, normalised[1, 3, 3])
counts = np.arange(10)
print(np.std(counts), np.var(counts, axis=0), counts.std(ddof=1))
