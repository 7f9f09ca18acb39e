# Look-ahead masks the NumPy way: np.triu / np.tril keep the elements on and above (below) the
# k-th diagonal of the last two axes and zero the rest, in the array's own dtype; a 1-D array is
# read as the rows of a square matrix. The mask then feeds a small Keras model.
import numpy as np
from tensorflow import keras

steps = 5
future = np.triu(np.ones((steps, steps), dtype="float32"), k=1)
print(future)
print(future.dtype, np.tril(np.arange(1, 10).reshape(3, 3)))
print(np.triu(np.arange(24).reshape(2, 3, 4), k=-1))
print(np.tril([3, 1, 4, 1], -1))
print(np.triu(np.full((2, 2), True)), np.tril(np.eye(3), k=5).sum())

inputs = keras.Input((steps, steps))
masked = keras.layers.Multiply()([inputs, keras.layers.Lambda(lambda x: x * 0 + 1 - future)(inputs)])
model = keras.Model(inputs, masked)
print(model.predict(np.arange(25, dtype="float32").reshape(1, 5, 5), verbose=0)[0])
