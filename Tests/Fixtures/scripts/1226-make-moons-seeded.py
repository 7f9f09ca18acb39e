# Two interleaving half circles to classify, made by scikit-learn's generator with a seed.
import numpy as np
from sklearn.datasets import make_moons
import sklearn.datasets

X, y = make_moons(n_samples=10, noise=0.1, random_state=0)
print(X.shape, X.dtype, y.dtype)
print(X)
print(y)
X, y = sklearn.datasets.make_moons(7, shuffle=False)
print(np.round(X, 3), y)
np.random.seed(3)
X, y = make_moons(6, noise=0.05)
print(X[:2], y)
X, y = make_moons(n_samples=(2, 3), random_state=42)
print(X[:, 0], y)
