import numpy as np
a = np.arange(12, dtype=np.int32).reshape(3, 4)
a[1, 2] = 100
a[0] = -1
a[:, 3] = a[:, 0] * 2
print(a, a.dtype, a.std(), a.var(axis=0), np.clip(a, 0, 10), np.unique(a))
b = np.array([2**20 - 1], dtype=np.int32) * 3
print(b, np.int32(7) // np.int32(2), a.astype(np.float32) / 3, a.reshape(4, 3) * 2)
c = np.arange(5) / 4
print(c, c[::2], c[::-1], c.mean(), np.argmax(c), c > 0.5, -c)
print(np.zeros((2, 0)).sum(axis=1), np.ones((3,)).std(), np.array([]).mean())
np.random.seed(0)
print(np.stack([a[0], a[1]]), np.concatenate([a, a], axis=1).shape, a.flatten()[-3:])
