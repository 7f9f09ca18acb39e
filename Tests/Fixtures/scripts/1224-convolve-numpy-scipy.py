# Discrete convolutions checked against numpy and scipy, as a convolution chapter does before
# its Conv2D layers.
import numpy as np
import scipy.signal
from scipy import signal

x = [1, 3, 2, 4, 5, 6, 1, 3]
w = [1, 0, 3, 1, 2]
for mode in ["full", "same", "valid"]:
    print(mode, np.convolve(x, w, mode=mode))
print(np.convolve(w, x, "same"), np.convolve([1.5, 2.0], [0.5, 0.25, 1.0]))
print(np.convolve(np.array([1, 2, 3]), np.array([0.5])).dtype)
X = [[1, 3, 2, 4], [5, 6, 1, 3], [1, 2, 0, 2], [3, 4, 3, 2]]
W = [[1, 0, 3], [1, 2, 1], [0, 1, 1]]
print(scipy.signal.convolve2d(X, W, mode="same"))
print(signal.convolve2d(X, W))
print(signal.convolve2d(np.array(X, dtype=float), W, mode="valid"))
print(signal.convolve2d([[1, 2], [3, 4]], [[1, 1, 1], [1, 1, 1]], "same"))
for attempt in [lambda: np.convolve([], [1]), lambda: np.convolve(x, w, mode="middle"),
                lambda: signal.convolve2d(X, W, mode="middle")]:
    try:
        attempt()
    except ValueError as error:
        print(type(error).__name__, error)
