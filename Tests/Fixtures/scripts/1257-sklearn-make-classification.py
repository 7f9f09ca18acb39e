# Synthetic classification problems from scikit-learn's generator, seeded, printed in full so that
# every draw and every product shows: defaults, more classes and informative features, a single
# feature, repeated features, shifts and scales drawn, no shuffle.
import numpy as np
from sklearn.datasets import make_classification

np.set_printoptions(precision=17)
X, y = make_classification(12, 6, random_state=7)
print(X.shape, X.dtype, y.dtype)
print(X)
print(y)
X, y = make_classification(n_samples=40, n_features=9, n_informative=5, n_redundant=1,
                           n_repeated=2, n_classes=3, random_state=1)
print(X[:5])
print(y)
print(repr(X.sum()), repr(X[:, 4].sum()))
X, y = make_classification(30, 1, n_informative=1, n_redundant=0, n_clusters_per_class=1,
                           random_state=42)
print(X[:6, 0], y[:10])
X, y = make_classification(50, 7, n_informative=3, n_redundant=2, shift=None, scale=None,
                           flip_y=0.2, class_sep=2.5, random_state=3)
print(X[:3])
print(y)
X, y = make_classification(16, 4, shuffle=False, random_state=0)
print(X[:4], y)
X, y = make_classification(200, 40, n_informative=33, n_classes=4, random_state=5)
print(repr(X[0, 0]), repr(X[-1, -1]), X[7], np.bincount(y))
X, y = make_classification(300, 12, n_informative=12, n_redundant=0, n_classes=20,
                           n_clusters_per_class=1, random_state=9)
print(X[-1], y[:20])
try:
    make_classification(10, 3, n_informative=2, n_redundant=2)
except ValueError as error:
    print("ValueError:", error)
try:
    make_classification(10, 3, n_informative=2, n_classes=3)
except ValueError as error:
    print("ValueError:", error)
np.random.seed(4)
X, y = make_classification(8, 3, n_informative=2, n_redundant=0)
print(X, y)
