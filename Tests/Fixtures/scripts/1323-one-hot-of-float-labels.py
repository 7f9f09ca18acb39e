"""to_categorical of labels read as floats (a CSV column, a regression target rounded by hand):
both Kerases cast them to int64 first, so 2.9 is class 2 and -0.5 is class 0; a negative class
counts from the last column, as NumPy's indexing does, and one past the columns is NumPy's
IndexError."""
import numpy as np
from tensorflow import keras

scores = np.array([0.0, 2.9, 1.2, -0.5, 1.99])
print(keras.utils.to_categorical(scores))
print(keras.utils.to_categorical(scores.reshape(-1, 1), num_classes=4).shape)
print(keras.utils.to_categorical([-1.0, 0.7], num_classes=3))
print(keras.utils.to_categorical(np.float32([[1.5], [0.25]])))
keras.utils.to_categorical([4.2], num_classes=4)
