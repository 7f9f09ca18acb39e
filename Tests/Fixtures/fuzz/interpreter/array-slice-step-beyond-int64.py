import numpy as np
x = np.arange(10)
print(x[::2**63], x[::-2**63], x[::2**62], x[::-2**62], x[::3], x[::-3], x[7:2:-2], x[2:7:2])
