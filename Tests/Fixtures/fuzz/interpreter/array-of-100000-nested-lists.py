import numpy as np
x = 0
for i in range(100000):
    x = [x]
y = np.array(x)
