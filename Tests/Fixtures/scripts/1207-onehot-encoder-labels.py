# One-hot labels the scikit-learn way, then a softmax head sized from them.
import numpy as np
from sklearn.preprocessing import OneHotEncoder
from tensorflow import keras

y = np.array([3, 1, 2, 3, 1, 2, 2]).reshape(-1, 1)
encoder = OneHotEncoder()
print(encoder)
encoded = encoder.fit_transform(y)
print(type(encoded).__name__, encoded.shape, encoded.nnz)
print(repr(encoded))
print(encoded)
dense = encoded.toarray()
print(dense, dense.dtype)
print(encoder.categories_, encoder.n_features_in_)

grid = np.array([[0.5, 10], [1.5, 20], [0.5, 30], [2.5, 10]])
flat = OneHotEncoder(sparse_output=False).fit(grid)
print(flat)
print(flat.transform(np.array([[1.5, 30]])))
print(flat.categories_)

lenient = OneHotEncoder(handle_unknown="ignore", sparse_output=False)
lenient.fit(y)
print(lenient, lenient.transform([[1], [4], [3]]))

long_labels = (np.arange(60) % 3).reshape(-1, 1)
print(OneHotEncoder().fit_transform(long_labels))

model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(dense.shape[1], activation="softmax")])
print(model.output_shape)
strict = OneHotEncoder().fit(y)
strict.transform(np.array([[2], [9], [7], [9]]))
