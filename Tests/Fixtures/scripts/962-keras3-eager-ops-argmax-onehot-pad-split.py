# Keras 3's keras.ops argmax/argmin (int32 along an axis), one_hot, pad and split into equal
# sections, on NumPy arrays outside any model, as a quick check of predictions would use them.
import numpy as np
from tensorflow import keras

ops = keras.ops

probs = np.array([[0.1, 0.6, 0.3], [0.5, 0.2, 0.3], [0.05, 0.05, 0.9]], dtype="float32")
picked = ops.argmax(probs, axis=-1)
print(picked)
print(ops.argmin(probs, axis=0))
print(ops.argmax(probs, axis=1).dtype)
labels = np.array([2, 0, 1, 1])
print(ops.one_hot(labels, 3))
print(ops.one_hot(picked, num_classes=4))
print(ops.pad(probs[:2], [[1, 0], [0, 2]]))
print(ops.pad(np.ones((2, 2), dtype="int32"), ((0, 1), (1, 1)), constant_values=7))
halves = ops.split(np.arange(12, dtype="float32").reshape(2, 6), 2, axis=1)
print(len(halves))
for part in halves:
    print(part)
print(ops.split(probs, 3))
