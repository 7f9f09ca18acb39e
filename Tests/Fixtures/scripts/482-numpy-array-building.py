# The array-building functions data and plotting code use, printed as NumPy prints them.
import numpy as np

t = np.linspace(0, 1, 5)
print(t, np.linspace(-1, 1, 4, endpoint=False), np.linspace(0, 10, 3, dtype=int))
print(np.eye(3), np.identity(2, dtype=np.int32), np.eye(2, 3, k=1))
a = np.arange(6).reshape(2, 3)
print(np.stack([a, a]).shape, np.stack([a, a], axis=-1).shape, np.vstack([a, a[0]]), np.hstack([a, a]))
print(np.concatenate([a, a], axis=1), np.transpose(a), a.T.shape, np.swapaxes(a[None], 0, 2).shape)
print(np.where(a > 2, a, -1), np.where(a % 2 == 0), np.zeros_like(a), np.ones_like(t, dtype=np.float32))
print(np.full_like(a, 7), np.tile(np.array([1, 2]), (2, 2)), np.repeat(np.array([1, 2]), 2), np.flip(a, axis=1))
print(np.sort(np.array([3.5, -1.0, 2.0])), np.argsort(np.array([3, 1, 2])), np.abs(np.array([-2, 3])))
print(np.maximum(a, 2), np.minimum(t, 0.5), np.square(a), np.isnan(np.array([1.0, np.nan])))
print(np.allclose(t, t + 1e-9), np.isclose(np.array([1.0, 2.0]), 1.0), np.outer(np.array([1, 2]), np.array([3, 4])))
print(np.dot(a, a.T), a @ np.ones(3), np.matmul(np.eye(2), np.array([2.0, 3.0])))
print(a % 4, (a > 1) & (a < 4), np.array([-7, 7]) % 3, np.array([-7.5, 7.5], dtype=np.float32) % 2)
