# NumPy's transpose keeps each axis in a C int before it checks the axis against the array's
# dimensions, so only the low 32 bits of a huge axis count: 2**32 + 1 is axis 1, 2**62 is axis 0
# (here repeated), 2**31 is the out-of-bounds -2147483648; beyond 64 bits the conversion fails.
import numpy as np

grid = np.arange(6).reshape(2, 3)
print(grid.transpose(1, 2**32).shape)
print(np.transpose(grid, (2**32 + 1, 0)))
print(grid.transpose((-1, 2**33)).tolist())
for axes in [(0, 2**62), (0, -(2**32)), (0, 2**31), (1, -(2**31) - 1), (0, 2**63)]:
    try:
        print(grid.transpose(axes).shape)
    except Exception as error:
        print(type(error).__name__, error)
print(np.swapaxes(grid, 0, 1).shape)
