"""Counting the classes of a label array."""
import numpy as np

labels = np.array([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5], dtype="uint8")
print(len(np.unique(labels)), np.unique(labels))
values, counts = np.unique(labels, return_counts=True)
print(values.dtype, values, counts.dtype, counts)
print(np.unique(np.array([[0.5, 0.25], [0.5, 1.0]], dtype="float32")))
print(np.unique([2, 2, 7]))
