# XOR truth tables and masks as a first lab builds them, with NumPy's logical functions.
import numpy as np

pairs = [(a, b) for a in [0, 1] for b in [0, 1]]
print([int(np.logical_xor(a, b)) for a, b in pairs])
print([bool(np.logical_and(a, b)) for a, b in pairs])
print(np.logical_or(0, 0), np.logical_not(0), type(np.logical_xor(1, 1)).__name__)

x = np.array([0.0, -1.5, 2.0, 0.0])
y = np.array([[1], [0]])
print(np.logical_xor(x, y))
print(np.logical_and(x > -1, x < 1))
print(np.logical_not(x).dtype, np.logical_not(x))
print(np.logical_or([True, False], [False, False]))
