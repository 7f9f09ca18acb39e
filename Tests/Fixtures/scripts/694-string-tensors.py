"""String tensors from tf.constant: printed, converted to NumPy and fed to a vectorizer."""
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

queries = tf.constant(["open the pod bay doors", "what's the weather", "play some jazz"])
print(queries)
print(repr(queries))
print(queries.shape, queries.dtype, queries.ndim, len(queries))
greeting = tf.constant("Hello, world")
print(greeting)
print(greeting.numpy(), greeting.numpy().decode("utf-8"), len(greeting.numpy()))
as_array = queries.numpy()
print(as_array)
print(repr(as_array), as_array.dtype, as_array.shape)
print(as_array[1], as_array[1].decode())
print(queries[0])
for query in queries[1:]:
    print(query.numpy())
pairs = tf.constant([["naïve", "café"], ['say "hi"', "it's"]], dtype=tf.string)
print(pairs)
print(pairs.numpy().tolist())

vectorize = layers.TextVectorization(max_tokens=25, output_sequence_length=5)
vectorize.adapt(queries)
print(vectorize.get_vocabulary()[:5])
ids = vectorize(tf.constant(["play the weather", "jazz"]))
print(ids)
print(ids.numpy())
