# Keras 3 checks a pooling layer's padding text only when it computes an output shape (a call on
# Keras tensors); on data the TensorFlow op takes "SAME" or "Same" as it is upper-cased, so the
# eager call pools with same padding and only the symbolic call is refused. tf-keras lower-cases
# the text up front and accepts both.
import numpy as np
from tensorflow import keras

image = np.arange(1, 10, dtype="float32").reshape(1, 3, 3, 1)
pool = keras.layers.MaxPooling2D(2, padding="SAME")
pooled = pool(image)
print(pooled.shape, np.asarray(pooled).ravel().tolist())
average = keras.layers.AveragePooling1D(2, padding="Same")
print(np.asarray(average(np.arange(10, dtype="float32").reshape(1, 5, 2))).tolist())
print(pool.padding, pool.built)
symbolic = pool(keras.Input((3, 3, 1)))
print(symbolic.shape)
