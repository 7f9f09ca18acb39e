# np.array / np.asarray of ranges, alone and mixed with lists: int64 sequences as NumPy reads them.
import numpy as np
a = np.array([range(5), range(311, 316)])
print(a, a.dtype, a.shape)
b = np.array(range(5))
print(b, b.dtype, b.shape)
c = np.asarray(range(2, 10, 3))
print(c, c.dtype)
d = np.array([range(3), [1.5, 2, 3]])
print(d, d.dtype)
e = np.array(range(0))
print(e, e.dtype, e.shape)
f = np.array([range(0), range(0)])
print(f, f.dtype, f.shape)
g = np.array((range(3), (4, 5, 6)), dtype="float32")
print(g, g.dtype)
h = np.array([[range(2), range(2, 4)], [[5, 6], [7, 8]]])
print(h.shape, h.sum())
print(np.array(range(10, 0, -3)))
try:
    np.array([range(3), range(4)])
except ValueError as err:
    print("ValueError:", err)
try:
    np.array([[1, 2], range(2), 5])
except ValueError as err:
    print("ValueError:", err)
try:
    np.array([range(2), [[1, 2], [3, 4]]])
except ValueError as err:
    print("ValueError:", err)
try:
    np.array([[[1, 2], [3, 4]], range(2)])
except ValueError as err:
    print("ValueError:", err)
for v in ([[1, 2], [[1, 2], [3, 4]]], [1, range(2)], [1, [2]], [(1, 2), (3, 4)]):
    try:
        print(np.array(v).shape)
    except ValueError as err:
        print("ValueError:", err)
x = np.array([range(100), range(311, 411)])
print(x.T.shape, x[:, :3])
print(x.mean(axis=1))
