# np.empty leaves its values as memory held them; a script that writes every element before
# reading them prints the same on every run.
import numpy as np

waves = np.empty((3, 4, 2))
print(waves.shape, waves.dtype, len(waves))
steps = np.arange(6, dtype="float32").reshape(3, 2)
for lag in range(4):
    waves[:, lag] = steps + lag
print(waves[:, :, 0])
print(waves.sum(), waves[1:].mean())

counts = np.empty(5, dtype=int)
for i in range(5):
    counts[i] = i * i
print(counts, counts.dtype)

table = np.empty((2, 3), dtype="float32")
table[0] = [1.5, 2.5, 3.5]
table[1, :] = 7
print(table)
print((table * 2).tolist())
