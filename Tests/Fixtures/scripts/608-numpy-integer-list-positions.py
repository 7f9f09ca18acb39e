# A from-scratch network keeps one weight matrix per layer in a list and walks it with np.arange:
# NumPy integers index, assign and update list items as Python ints do.
import numpy as np

weights = [np.zeros((2, 2)), np.ones((2, 1))]
for layer in np.arange(0, len(weights)):
    weights[layer] += 0.5
    weights[layer] = weights[layer] * 2
print(weights[np.int64(1)].ravel(), weights[0].sum())
names = ["conv", "dense"]
names[np.int32(0)] = "depthwise"
print(names)
