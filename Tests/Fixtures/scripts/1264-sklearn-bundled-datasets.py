# scikit-learn's bundled tables (iris, wine, breast cancer) as model scripts read them: a Bunch
# whose keys are also attributes, or (X, y) with return_X_y=True.
import numpy as np
from sklearn import datasets
from sklearn.datasets import load_iris, load_wine, load_breast_cancer

flowers = load_iris()
print(type(flowers).__name__, list(flowers.keys()))
print(flowers.data.shape, flowers.data.dtype, flowers.target.shape, flowers.target.dtype)
print(flowers.data[:3])
print(flowers["data"][-2:], flowers.target[48:53])
print(flowers.target_names, flowers.feature_names)
print(flowers.filename, flowers.data_module, flowers.frame)
print(flowers.data.sum(axis=0), flowers.data.mean(axis=0))
print(np.bincount(flowers.target), flowers.target_names[flowers.target[[0, 75, 149]]])
print("data" in flowers, "images" in flowers, len(flowers))

X, y = datasets.load_wine(return_X_y=True)
print(X.shape, y.shape, X[0], y[-1])
wine = load_wine()
print(list(wine.keys()), wine.target_names, wine.feature_names[:4])
print(X.max(axis=0))

cancer = load_breast_cancer()
print(cancer.data.shape, cancer.target_names, cancer.target_names.dtype)
print(cancer.feature_names[:3], cancer.feature_names.dtype, cancer.feature_names.shape)
print(cancer.data[0, :5], cancer.target[:10], cancer.target.sum())
print(cancer.keys())
n_samples, n_features = cancer.data.shape
print(n_samples, n_features, cancer.get("filename"), cancer["target"].dtype)
try:
    cancer.images
except AttributeError as error:
    print("AttributeError:", error)

sugar = datasets.load_diabetes()
print(list(sugar.keys()), sugar.feature_names[:3], sugar.data_filename)
print(sugar.data.shape, sugar.data[:2], sugar.target[:4], sugar.target.dtype)
print(np.max(sugar.data), np.min(sugar.data), sugar.data.sum(axis=0)[:3])
raw, _ = datasets.load_diabetes(return_X_y=True, scaled=False)
print(raw[0], raw.mean(axis=0)[:4])
