# Data helpers beside a siamese model: label membership tests on NumPy arrays, comparisons of
# arrays with lists, and random.choice over an array's rows.
import random
import numpy as np
from tensorflow import keras

random.seed(11)
labels = np.array([0, 2, 2, 5, 7])
classes = np.arange(10).reshape(5, 2)
print(2 in labels, 3 in labels, 9 not in labels, 2.0 in labels, True in np.array([0.0, 1.0]))
print([4, 5] in classes, (9, 8) in classes, np.array([6, 7]) in classes, 11 in classes)
print(labels == [0, 2, 3, 5, 7], (classes == [0, 1]).sum(), (3, 3) != np.array([3, 4]))
try:
    print([1, 2, 3] in classes)
except ValueError as error:
    print("ValueError:", error)

pairs = []
for anchor in classes:
    partner = random.choice(classes)
    pairs.append((anchor.tolist(), partner.tolist(), bool((anchor == partner).all())))
print(pairs)
print(random.choice(np.array([0.25, 0.5, 0.75])), random.choice(np.arange(3)) in labels)
try:
    random.choice(np.zeros((0, 2)))
except IndexError as error:
    print("IndexError:", error)

encoder = keras.Sequential([keras.Input((2,)), keras.layers.Dense(4, name="embed")])
print([name for name in ("embed", "head") if name in [layer.name for layer in encoder.layers]])
