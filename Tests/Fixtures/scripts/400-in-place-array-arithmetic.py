"""Scaling image data in place: the array keeps its dtype; an integer array cannot take a float."""
import numpy as np

pixels = np.arange(12, dtype="uint8").reshape(3, 4)
scaled = pixels.astype("float32")
scaled /= 255
print(scaled.dtype, scaled.shape, scaled[1])
scaled *= 0.5
scaled -= scaled.mean()
print(scaled.dtype, scaled[2])
counts = np.arange(4)
counts += np.arange(4, dtype="uint8")
counts *= 3
print(counts.dtype, counts)
row = scaled[0]
row += np.ones(4)
print(row.dtype, row)
try:
    counts += np.ones((2, 4), dtype="int64")
except ValueError as error:
    print("ValueError:", error)
try:
    small = np.arange(3, dtype="uint8")
    small += np.arange(3)
except TypeError as error:
    print("TypeError caught:", error)
labels = np.arange(6)
labels /= 2
