# Keras 3's ops.argmax / ops.argmin without an axis index the flattened input (an int32 scalar),
# as a script picking the best class of a batch of scores does; with an axis they reduce it.
# tf-keras has no keras.ops.
import numpy as np
from tensorflow import keras

ops = keras.ops

scores = np.array([[0.1, 0.7, 0.2], [0.9, 0.05, 0.05]], dtype="float32")
print(ops.argmax(scores))
print(ops.argmin(scores))
print(ops.argmax(scores, axis=-1))
print(ops.argmax(np.array([3, 9, 4])))
best = int(ops.argmax(scores[1]))
print("class", best, "score", scores[1][best])
