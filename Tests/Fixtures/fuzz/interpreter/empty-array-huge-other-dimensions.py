import numpy as np
print(np.ones((2**20, 0)).sum(axis=1).shape)
print(np.ones((2**40, 0)).mean(axis=1).shape)
