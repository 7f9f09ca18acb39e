# A NumPy scalar rounds as np.round does, in its own dtype: float32 means of a float32 array, float64 and int64 scalars.
import numpy as np
x = np.arange(3, dtype='float32')
print(x.mean().round(2), type(x.mean().round(2)))
print(np.float32(1.23456).round(3), np.float64(2.5).round(), np.float32(2.5).round())
print(np.float64(1.23456).round(2), np.float32(123.456).round(-1))
print(np.array([1.25, 2.35], dtype=np.float32).mean().round(1))
print(np.int64(17).round(-1), np.float32(0.125).round(2))
