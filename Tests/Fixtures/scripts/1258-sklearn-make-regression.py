# Synthetic regression targets from scikit-learn's generator, seeded: one target (NumPy sums the
# product row by row in its BLAS's vector kernel), several targets (its matrix kernel), noise and
# bias, coefficients, and more features than one block of the vector kernel.
import numpy as np
from sklearn.datasets import make_regression

np.set_printoptions(precision=17)
X, y = make_regression(10, 4, random_state=42)
print(X.shape, y.shape, X.dtype, y.dtype)
print(X)
print(y)
X, y = make_regression(n_samples=23, n_features=13, n_targets=1, random_state=42)
print(y)
X, y = make_regression(9, 7, n_targets=3, n_informative=5, bias=1.5, noise=0.3, random_state=0)
print(y)
X, y, coef = make_regression(6, 5, n_informative=3, coef=True, random_state=2)
print(coef, y)
X, y = make_regression(7, 2100, n_informative=2100, random_state=1)
print(y)
X, y = make_regression(5, 300, n_targets=2, random_state=8)
print(y, repr(X.sum()))
X, y = make_regression(6, 3, shuffle=False, random_state=3)
print(X, y)
