# The opening of a training script meant for a server: pick a non-interactive matplotlib
# backend first, then the usual imports; the old optimizer arguments then stop it.
import matplotlib
print(matplotlib.use("Agg"))
matplotlib.use("svg")
import matplotlib.pyplot as plt
import numpy as np
from sklearn.preprocessing import LabelBinarizer
from tensorflow.keras.optimizers import SGD

labels = np.array([[3], [1], [2], [1], [0], [3]])
lb = LabelBinarizer()
targets = lb.fit_transform(labels)
print(targets.sum(axis=0), lb.classes_)
print("[INFO] compiling model...")
opt = SGD(lr=0.05, decay=0.05 / 10, momentum=0.9, nesterov=True)
print("never printed")
