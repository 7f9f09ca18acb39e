# NumPy's float64 matrix product (OpenBLAS's Haswell dgemm kernel) sums the last row of an odd
# number of rows in four running lanes over the shared axis for its columns in fours, where
# every other value is one fused chain; scikit-learn's generators multiply clusters of samples
# by random matrices that way, so clusters of odd size show it in whole rows of X.
from sklearn.datasets import make_classification, make_regression

X, y = make_classification(63, 12, n_informative=9, n_redundant=2, n_classes=3, n_clusters_per_class=1, random_state=11)
print(X.sum(), y.tolist())
for row in X.tolist():
    print(row)

X, y = make_classification(
    75, 14, n_informative=10, n_redundant=0, n_classes=5, n_clusters_per_class=1, shuffle=False, random_state=4
)
print(X.sum())
print(X[14].tolist())
print(X[29].tolist())
print(X[74].tolist())

X, y = make_regression(31, 16, n_informative=11, n_targets=6, noise=0.5, random_state=8)
print(X.sum(), y.sum())
for row in y.tolist():
    print(row)
