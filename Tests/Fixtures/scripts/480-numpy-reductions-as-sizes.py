# Sizes and statistics read back from NumPy arrays: reductions and indexing give NumPy scalars
# (np.float32, np.int64), which print, format and compare as NumPy's do, and which tf-keras takes as
# layer sizes while Keras 3 refuses them.
import numpy as np
from tensorflow import keras

images = np.zeros((6, 8, 8, 1), dtype="float32")
images[0, 2, 3, 0] = 0.75
labels = np.array([0, 2, 1, 2, 2, 0])

flat = np.prod(images.shape[1:])
classes = np.max(labels) + 1
print(flat, repr(flat), classes, repr(classes), type(classes).__name__)
print("brightest", images.max(), repr(images.max()), "mean %.4f" % images.mean())
print(f"first label {labels[0]!r}, most common {np.bincount(labels).argmax()}")
print(isinstance(classes, int), isinstance(images.mean(), float), int(classes) == 3)

try:
    model = keras.Sequential([
        keras.Input(shape=(8, 8, 1)),
        keras.layers.Reshape((flat,)),
        keras.layers.Dense(classes, activation="softmax"),
    ])
    print("params", model.count_params())
except ValueError as error:
    print("ValueError:", error)

model = keras.Sequential([
    keras.Input(shape=(8, 8, 1)),
    keras.layers.Flatten(),
    keras.layers.Dense(int(classes), activation="softmax"),
])
print("params", model.count_params())
