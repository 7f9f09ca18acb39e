# math.fsum: the exactly rounded sum of floats, where sum() rounds at every step.
import math

cases = [
    [0.1] * 10,
    [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50],
    [1.0, 1e-16, 1e-16],
    [2.0**53, -0.5, -2.0**-54],
    [1e308, 1e308, -1e308],
    [float("inf"), 1.0],
    [float("-inf"), float("-inf"), 3],
    [float("nan"), 1.0],
    [],
    [0.0, -0.0],
    range(10),
    (x / 7 for x in range(1, 50)),
]
for values in cases:
    values = list(values)
    try:
        print(repr(math.fsum(values)), repr(sum(values)))
    except (OverflowError, ValueError) as error:
        print(type(error).__name__, error)
for bad in [[float("inf"), float("-inf")], [1e308, 1e308], ["1"], 3]:
    try:
        print(math.fsum(bad))
    except (OverflowError, ValueError, TypeError) as error:
        print(type(error).__name__, error)
