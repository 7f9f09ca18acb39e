# Gaussian blobs and two circles from scikit-learn's generators, seeded: drawn centers, given
# centers with one spread each, counts per center, and the circles with and without noise.
import numpy as np
from sklearn.datasets import make_blobs, make_circles
from sklearn import datasets

np.set_printoptions(precision=17)
X, y = make_blobs(n_samples=10, centers=3, n_features=2, random_state=0)
print(X, y)
X, y = make_blobs(n_samples=11, centers=[[-5, 2], [-2, -2], [1, 2], [5, -2]], cluster_std=1.0,
                  random_state=30)
print(X, y)
X, y, centers = datasets.make_blobs([3, 2], n_features=3, cluster_std=[0.5, 2.0],
                                    random_state=1, return_centers=True)
print(X, y, centers)
X, y = make_blobs(7, centers=np.array([[0.1, 0.1], [0.9, 0.9]]), cluster_std=0.3, shuffle=False,
                  random_state=2)
print(X, y)
X, y = make_circles(n_samples=10, noise=0.03, random_state=42)
print(X.shape, X.dtype, y.dtype)
print(X, y)
X, y = datasets.make_circles(9, factor=0.2, random_state=123)
print(X, y)
X, y = make_circles((3, 4), shuffle=False)
print(X, y)
