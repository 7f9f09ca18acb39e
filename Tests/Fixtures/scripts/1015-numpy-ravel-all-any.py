# np.ravel, np.all and np.any as functions, the way plotting and loss code uses them: a grid of
# points flattened for a model's predict, weights checked before a loss is built.
import numpy as np
from tensorflow import keras

axis = np.linspace(-2.0, 2.0, 3)
grid_x, grid_y = np.meshgrid(axis, axis)
points = np.stack([np.ravel(grid_x), np.ravel(grid_y)], axis=1).astype("float32")
print(points.shape, np.ravel([[1, 2], [3, 4]]), np.ravel(points).dtype)
weights = np.array([0.7, 0.3])
print(np.all(weights > 0.0), np.any(weights > 0.5), np.all([]), np.any([0, 0]))
print(type(np.all(weights > 0.0)).__name__, np.all([[1, 2], [3, 0]]))
model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, kernel_initializer="ones")])
scores = model.predict(points, verbose=0)
print(np.ravel(scores).tolist(), np.all(np.ravel(scores) <= 4.0))
