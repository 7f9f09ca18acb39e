import numpy as np
print(np.zeros(0).reshape(2**40, 0).cumsum(axis=1).shape)
