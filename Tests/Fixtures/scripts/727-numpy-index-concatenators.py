# Small data built with NumPy's index tricks before a model: np.r_ joins ranges, numbers and
# arrays into one row, np.c_ stacks 1-d pieces as columns (a grid of points to predict on).
import numpy as np
from tensorflow import keras

steps = np.r_[0:5, 10, 20:26:2]
print(steps, steps.dtype)
print(np.r_[np.zeros(2, dtype=np.float32), 1, 2.5])
print(np.r_[np.array([True, False]), 3])
print(np.r_[np.float32(1.5), 2])
print(np.r_[[1, 2], np.arange(3)])
print(np.r_[np.ones((1, 3)), np.zeros((2, 3))])
print(np.r_[9:0:-3])

xs = np.linspace(-1.0, 1.0, 4)
ys = np.linspace(0.0, 2.0, 4)
grid = np.c_[xs, ys]
print(grid.shape, grid.dtype)
print(grid)
print(np.c_[1:4, [7, 8, 9]])
print(np.c_[np.eye(2), [5, 6]])
labels = np.r_[np.zeros(3), np.ones(3)].astype("int64")
print(labels)

model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(3), keras.layers.Dense(1)])
print(model.output_shape, grid[:2].shape)

for pieces in [(np.zeros((2, 2)), 1.0), (np.zeros(2), np.zeros(3))]:
    try:
        np.c_[pieces] if len(pieces) == 1 else np.r_[pieces[0], pieces[1]]
        print("joined")
    except ValueError as error:
        print("ValueError:", error)
try:
    np.c_[np.zeros(2), np.zeros(3)]
except ValueError as error:
    print("ValueError:", error)
try:
    np.concatenate([np.zeros((2, 2)), np.zeros((2, 3))])
except ValueError as error:
    print("ValueError:", error)
try:
    np.concatenate([np.array(1.0), np.array(2.0)])
except ValueError as error:
    print("ValueError:", error)
np.r_[()]
