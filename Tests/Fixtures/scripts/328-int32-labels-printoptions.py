# Integer label arrays of NumPy's int32 and a compact print of the normalised features.
import numpy as np
import tensorflow as tf

np.set_printoptions(precision=3, suppress=True)
features = np.array([[8, 307.0, 130.0, 3504.0, 12.0], [4, 97.0, 88.0, 2130.0, 14.5]])
print(features.mean(axis=0))
print(features / 1000)
labels = np.array([1, 2, 3, 2], dtype=np.int32)
print(repr(labels), labels.dtype, labels + 1, repr(labels * 0.5))
print(np.int32(4), repr(np.int32(4) + 1), np.int32(7) // 2)
onehot = np.zeros((labels.shape[0], 4), dtype=np.float32)
onehot[np.arange(labels.shape[0]), labels] = 1.0
print(onehot)

normalizer = tf.keras.layers.Dense(3, input_shape=(5,))
model = tf.keras.Sequential([normalizer, tf.keras.layers.Dense(4, activation="softmax")])
model.summary()
