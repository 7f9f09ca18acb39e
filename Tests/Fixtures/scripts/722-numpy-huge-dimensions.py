# NumPy's own errors for sizes no array can have.
import numpy as np

for shape in [(-1, 3), (3.0,), (2**64, 3)]:
    try:
        np.zeros(shape)
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
for bounds in [(float("nan"),), (0, 1e19), (0, 1, float("nan"))]:
    try:
        np.arange(*bounds)
    except ValueError as error:
        print("arange", bounds, error)
print(np.zeros((0, 3)).shape, np.arange(3, 0).shape)
