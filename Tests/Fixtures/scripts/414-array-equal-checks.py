# Sanity checks that compare arrays before a model is built, as data-preparation code does.
import numpy as np
from tensorflow import keras

grid = np.arange(12).reshape(3, 4)
print(np.array_equal(grid, grid.copy()), np.array_equal(grid, grid.T), np.array_equal(grid, grid[:2]))
print(np.array_equal([1, 2, 3], [1.0, 2.0, 3.0]), np.array_equal([[0.5]], 0.5))
gaps = np.array([1.0, np.nan])
print(np.array_equal(gaps, gaps), np.array_equal(gaps, gaps, equal_nan=True))
model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2, kernel_initializer="ones")])
kernel = model.get_weights()[0]
print(np.array_equal(kernel, np.ones((4, 2))), type(np.array_equal(kernel, kernel)).__name__)
