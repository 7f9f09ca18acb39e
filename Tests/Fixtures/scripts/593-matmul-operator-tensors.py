# The @ operator between two Keras tensors (an attention score written by hand),
# then the product used further in the graph and run.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

queries = keras.Input((4, 3), name="queries")
keys = keras.Input((3, 5), name="keys")
scores = queries @ keys
weights = layers.Softmax(axis=-1)(scores)
pooled = layers.GlobalAveragePooling1D()(weights @ layers.Permute((2, 1))(keys))
model = keras.Model([queries, keys], [scores, pooled])
model.summary()
print(scores.shape, pooled.shape)
q = np.arange(12, dtype="float32").reshape(1, 4, 3) / 10.0
k = np.arange(15, dtype="float32").reshape(1, 3, 5) / 10.0
s, p = model.predict([q, k], verbose=0)
print(np.round(s, 4))
print(np.round(p, 4))
