# Dot(normalize=True) is a cosine similarity computed in float32 as TensorFlow does it:
# l2_normalize (squares, a reduce_sum, rsqrt) and a batched matmul per sample.
import numpy as np
from tensorflow import keras

rng = np.random.RandomState(8)
left = rng.normal(size=(6, 37)).astype("float32")
right = rng.normal(size=(6, 37)).astype("float32")
print(keras.layers.Dot(axes=1, normalize=True)([left, right]).numpy().ravel().tolist())
print(keras.layers.Dot(axes=1)([left, right]).numpy().ravel().tolist())

a = keras.Input((37,))
b = keras.Input((37,))
cosine = keras.layers.Dot(axes=-1, normalize=True, name="cosine")([a, b])
model = keras.Model([a, b], cosine)
print(model.predict([left, right], verbose=0).ravel().tolist())

queries = rng.normal(size=(2, 5, 9)).astype("float32")
keys = rng.normal(size=(2, 7, 9)).astype("float32")
scores = keras.layers.Dot(axes=(2, 2), normalize=True)([queries, keys])
print(scores.shape)
