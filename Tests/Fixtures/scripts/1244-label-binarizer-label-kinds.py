# LabelBinarizer's width follows both the fitted classes and the labels being transformed: two
# classes give one column only while the labels at hand are binary too; labels of three or more
# values get a column per class, and labels it never saw a row of zeros.
import numpy as np
from sklearn.preprocessing import LabelBinarizer

pair = LabelBinarizer().fit(np.array([4, 9, 9, 4]))
print(pair.classes_, pair.y_type_)
print(pair.transform([9, 4, 9]).tolist())
print(pair.transform([4, 7, 9]).tolist())
print(pair.transform([7, 7]).tolist())
print(pair.transform([2, 4, 6, 9, 11]).shape)

lonely = LabelBinarizer().fit([3, 3])
print(lonely.classes_, lonely.transform([3, 3, 3]).tolist())
print(lonely.transform([3, 5, 8]).tolist())

three = LabelBinarizer()
print(three.fit_transform([0, 2, 1, 2]).tolist())
print(three.transform([1, 5]).tolist())
