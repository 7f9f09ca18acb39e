import numpy as np
from tensorflow import keras
from tensorflow.keras.preprocessing.sequence import pad_sequences

reviews = [[4, 10, 5], [7, 2], [], [9, 3, 8, 1, 6]]
print(pad_sequences(reviews))
print(pad_sequences(reviews, maxlen=3))
print(pad_sequences(reviews, maxlen=3, padding="post", truncating="post"))
print(pad_sequences(reviews, maxlen=4, value=-1))
padded = keras.utils.pad_sequences(reviews, maxlen=6, padding="post", dtype="float32", value=0.5)
print(padded.dtype, padded.shape)
print(padded)
grid = np.ones((3, 7), dtype="int32")
print(keras.preprocessing.sequence.pad_sequences(grid, maxlen=5).shape)
print(pad_sequences([[1.7, 2.2], [3.9]], maxlen=3))
print(pad_sequences([[[1, 2], [3, 4]], [[5, 6]]]).shape)
try:
    pad_sequences(reviews, padding="middle")
except ValueError as error:
    print("ValueError:", error)
try:
    pad_sequences(reviews, truncating="middle", maxlen=2)
except ValueError as error:
    print("ValueError:", error)
try:
    pad_sequences([[1, 2], 3])
except ValueError as error:
    print("ValueError:", error)
