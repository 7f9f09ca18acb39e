# Grids, padding and label bookkeeping as data code does them.
import numpy as np

xs, ys = np.meshgrid(np.arange(3), np.linspace(0, 1, 2))
print(xs, ys, xs.shape)
rows, cols = np.meshgrid([1, 2], [10, 20, 30], indexing="ij")
print(rows.shape, cols)
image = np.ones((2, 3), dtype=np.float32)
print(np.pad(image, 1), np.pad(image, ((0, 1), (2, 0)), constant_values=-1).dtype)
print(np.pad(np.arange(3), (2, 1), mode="constant"))

words = np.array([5, 3, 5, 9, 3, 5])
vocab, first, codes, counts = np.unique(words, return_index=True, return_inverse=True, return_counts=True)
print(vocab, first, codes, counts)
print(vocab[codes], dict(zip(vocab, counts)), {int(w): int(c) for w, c in zip(vocab, counts)})
top = vocab[np.argsort(counts)[::-1]]
print(top, top[0] * 2, [f"{w}:{c}" for w, c in zip(vocab, counts)])
