# A course driver's label handling: scikit-learn's LabelBinarizer turns class ids into one-hot
# rows before a small convnet trains on them (numbers only; the model part is left out).
import numpy as np
from sklearn.preprocessing import LabelBinarizer

train_ids = (np.arange(14) % 5).reshape(-1, 1)
test_ids = np.array([4, 0, 9, 2])

binarizer = LabelBinarizer()
print(binarizer)
train_rows = binarizer.fit_transform(train_ids)
test_rows = binarizer.transform(test_ids)
print(train_rows.shape, train_rows.dtype)
print(train_rows[:6])
print(test_rows)
print(binarizer.classes_, binarizer.classes_.dtype, binarizer.y_type_)
print([str(c) for c in binarizer.classes_])

scores = np.array([[0.1, 0.2, 0.05, 0.6, 0.05], [0.5, 0.5, 0.0, 0.0, 0.0]])
print(binarizer.inverse_transform(scores))

two = LabelBinarizer().fit([7, 3, 7, 3])
print(two.classes_, two.transform([3, 7, 7, 3]).tolist())
print(two.inverse_transform(np.array([[0.2], [0.9]])))
print(LabelBinarizer().fit_transform(np.array([4, 4, 4], dtype=np.uint8)).tolist())
print(LabelBinarizer().fit(np.array([2, 1, 2], dtype=np.uint8)).classes_.dtype)

try:
    LabelBinarizer().transform([1, 2])
except Exception as error:
    print(type(error).__name__, error)
try:
    LabelBinarizer(2)
except TypeError as error:
    print(error)
