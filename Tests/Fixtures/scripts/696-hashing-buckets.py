"""Hashing high-cardinality ids into buckets, on data and as the first layer of a model."""
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

cities = [["Lisbon"], ["Oslo"], ["Quito"], ["Lagos"], ["Hanoi"], ["Perth"]]
buckets = layers.Hashing(num_bins=4)
print(buckets(cities))
print(buckets(tf.constant(["", "a", "ab", "abc", "abcd", "abcdefgh", "abcdefghi"])))
lengths = ["x" * n for n in (15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 128, 129, 200)]
print(layers.Hashing(num_bins=1000)(lengths))
print(layers.Hashing(num_bins=97)(np.array(["naïve café", "日本語のテキスト", "emoji 🙂 text"])))
masked = layers.Hashing(num_bins=5, mask_value="")
print(masked(np.array([["a", ""], ["", "b"]])))
ids = layers.Hashing(num_bins=10)
print(ids(np.array([[1], [22], [333], [-4], [123456789]])))
print(ids([7, 8, 9]))
many = layers.StringLookup(vocabulary=["known"], num_oov_indices=3)
print(many(["known", "alpha", "beta", "gamma", "delta", "epsilon"]))

zip_code = keras.Input(shape=(1,), dtype="string", name="zip")
hashed = layers.Hashing(num_bins=64, name="zip_hash")(zip_code)
embedded = layers.Embedding(64, 4)(hashed)
flat = layers.Flatten()(embedded)
model = keras.Model(zip_code, layers.Dense(1)(flat))
model.summary()
print(hashed.shape, hashed.dtype)
