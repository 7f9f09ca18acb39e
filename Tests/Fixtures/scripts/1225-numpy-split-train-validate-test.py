# Data cut into training, validation and test parts with numpy's split functions.
import numpy as np

x = np.arange(10) * 0.5
train, validate, test = np.split(x, [6, 8])
print(train, validate, test)
print(np.split(x, 5))
print(np.array_split(np.arange(7), 3))
grid = np.arange(24).reshape(4, 6)
left, right = np.split(grid, 2, axis=1)
print(left.shape, right)
print(np.split(grid, [1, 10]))
print(np.array_split(grid, 3, axis=0)[2])
print(np.hsplit(grid, 3)[1], np.vsplit(grid, [3])[1])
print(np.split(x, np.array([2, 4]))[1], np.split(x, (3,))[0].dtype)
for attempt in [lambda: np.split(x, 3), lambda: np.array_split(x, 0), lambda: np.split(grid, 2, axis=2)]:
    try:
        attempt()
    except Exception as error:
        print(type(error).__name__, error)
