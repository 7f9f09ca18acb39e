# keras.backend.cast_to_floatx: NumPy float32 arrays (0-d for a number) in both Kerases.
import numpy as np
from tensorflow.keras import backend as K

half = K.cast_to_floatx(0.5)
print(half, type(half).__name__, half.dtype, half.shape, half * 3)
row = K.cast_to_floatx([1, 2, 3])
print(row, row.dtype, repr(row))
grid = K.cast_to_floatx(np.arange(6).reshape(2, 3))
print(grid.sum(), grid.dtype, grid.shape)
