# NumPy's two-operand functions name a missing operand in Python's words ("1 was given").
import numpy as np

print(np.logical_or([0, 0, 3], [0, 1, 0]), np.minimum([4, -2], 0))
for function in (np.logical_and, np.logical_xor, np.maximum, np.minimum):
    try:
        function([1, 2])
    except TypeError as error:
        print(error)
