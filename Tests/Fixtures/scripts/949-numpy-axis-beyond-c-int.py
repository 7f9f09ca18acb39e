# NumPy converts an axis to a C int: its C functions (sum, max, argmax, concatenate, cumsum,
# argsort, repeat) say "integer won't fit into a C int", the ones written in Python (mean, std,
# expand_dims, stack, flip, roll, sort) "Python int too large to convert to C int", swapaxes its
# own words, and beyond 64 bits every one fails converting to a C long. An axis out of bounds
# before it in a tuple is reported first.
import numpy as np

a = np.ones((2, 3))
calls = {
    "sum": lambda axis: np.sum(a, axis=axis),
    "ndarray.sum": lambda axis: a.sum(axis=axis),
    "max": lambda axis: np.max(a, axis=axis),
    "argmax": lambda axis: np.argmax(a, axis=axis),
    "mean": lambda axis: np.mean(a, axis=axis),
    "ndarray.mean": lambda axis: a.mean(axis=axis),
    "std": lambda axis: np.std(a, axis=axis),
    "expand_dims": lambda axis: np.expand_dims(a, axis),
    "stack": lambda axis: np.stack([a, a], axis=axis),
    "concatenate": lambda axis: np.concatenate([a, a], axis=axis),
    "cumsum": lambda axis: np.cumsum(a, axis=axis),
    "sort": lambda axis: np.sort(a, axis=axis),
    "argsort": lambda axis: np.argsort(a, axis=axis),
    "flip": lambda axis: np.flip(a, axis=axis),
    "roll": lambda axis: np.roll(a, 1, axis=axis),
    "swapaxes": lambda axis: np.swapaxes(a, 0, axis),
    "repeat": lambda axis: np.repeat(a, 2, axis=axis),
}
for axis in [2**31, -(2**31) - 1, 2**40, 2**63]:
    for name, call in calls.items():
        try:
            print(axis, name, call(axis).shape)
        except Exception as error:
            print(axis, name, type(error).__name__, error)
for name in ["sum", "mean", "std", "flip"]:
    for axis in [(0, 2**40), (5, 2**40), (1, 2**63)]:
        try:
            print(axis, name, calls[name](axis).shape)
        except Exception as error:
            print(axis, name, type(error).__name__, error)
