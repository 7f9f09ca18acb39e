# sklearn.utils.shuffle reorders several arrays (or lists) by one permutation, drawn from
# np.random's global state or from a seeded RandomState.
import numpy as np
from sklearn.utils import shuffle
import sklearn

features = np.arange(16).reshape(8, 2) * 1.5
labels = np.array([0, 1, 0, 1, 1, 0, 0, 1])
mixed_x, mixed_y = shuffle(features, labels, random_state=3)
print(mixed_x)
print(mixed_y)
print(shuffle(labels, random_state=11))
names = ["a", "b", "c", "d", "e"]
print(shuffle(names, random_state=0), names)
pair = shuffle([1, 2, 3], np.array([4.0, 5.0, 6.0]), random_state=4)
print(type(pair).__name__, pair)
print(shuffle(labels, n_samples=3, random_state=2))

np.random.seed(21)
print(shuffle(np.arange(6)))
print(np.random.rand())
print(sklearn.utils.shuffle(np.arange(4), random_state=8))
print(shuffle())

try:
    shuffle(np.arange(3), np.arange(4), random_state=0)
except ValueError as error:
    print("ValueError:", error)
