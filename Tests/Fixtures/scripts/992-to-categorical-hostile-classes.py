# keras.utils.to_categorical is NumPy underneath: num_classes of 0 means "the largest label + 1",
# a negative label counts from the end, and a size NumPy cannot hold is NumPy's own error.
import numpy as np
from tensorflow import keras

print(keras.utils.to_categorical([1, 2], num_classes=0))
print(keras.utils.to_categorical([-1, 2, 0]))
print(keras.utils.to_categorical(np.array([[0], [-3]]), num_classes=3))
attempts = [
    lambda: keras.utils.to_categorical([1, 2], num_classes=-3),
    lambda: keras.utils.to_categorical([1, 2, 3, 4], num_classes=2**62),
    lambda: keras.utils.to_categorical([3, 5], num_classes=2),
    lambda: keras.utils.to_categorical([0, -4], num_classes=3),
    lambda: keras.utils.to_categorical([-2, -5]),
    lambda: keras.utils.to_categorical(np.array([], dtype="int64")),
]
for attempt in attempts:
    try:
        print(attempt().shape)
    except (ValueError, IndexError) as error:
        print(type(error).__name__, error)
