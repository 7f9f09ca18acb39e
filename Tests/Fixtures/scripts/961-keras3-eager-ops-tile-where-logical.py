# Keras 3's keras.ops on NumPy arrays and eager tensors outside any model: tile, where with
# both branches, and the logical operations, printed as the tf.Tensor values they return.
import numpy as np
from tensorflow import keras

ops = keras.ops

ids = np.array([[3, 0, 7], [0, 0, 5]])
grown = ops.tile(ops.expand_dims(ids, axis=-1), [1, 1, 2])
print(grown.shape)
print(ops.cast(grown, dtype="float32"))
print(ops.tile(np.array([1.5, -2.0], dtype="float32"), [3]))

scores = np.array([[0.2, 0.9, -0.4], [1.5, -0.1, 0.3]], dtype="float32")
print(ops.where(scores > 0.25, scores, 0.0))
print(ops.where(scores > 0.0, scores, -scores))
positive = scores > 0
large = scores > 0.5
print(ops.logical_and(positive, large))
print(ops.logical_or(scores < -0.2, large))
print(ops.logical_xor(positive, large))
print(ops.logical_not(positive))
print(ops.tile(ops.ones((2, 1)), (1, 3)))
