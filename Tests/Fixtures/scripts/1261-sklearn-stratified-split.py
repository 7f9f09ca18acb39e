# Stratified train/test splits (scikit-learn's StratifiedShuffleSplit): integer labels, and one-hot
# rows, which scikit-learn groups by their text.
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.datasets import make_classification
from keras.utils import to_categorical
X, y = make_classification(60, 4, n_classes=3, n_informative=3, n_redundant=0, random_state=42)
a, b, c, d = train_test_split(X, y, test_size=0.33, random_state=40, stratify=y)
print(c, d)
Y = to_categorical(y)
a, b, c, d = train_test_split(X, Y, test_size=0.25, random_state=1, stratify=Y)
print(np.argmax(c, 1), np.argmax(d, 1), a[:2])
