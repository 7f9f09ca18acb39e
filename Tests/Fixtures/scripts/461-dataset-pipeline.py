import numpy as np
import tensorflow as tf

features = np.arange(12, dtype="float32").reshape(6, 2)
labels = np.array([0, 1, 1, 0, 1, 0])
pairs = tf.data.Dataset.from_tensor_slices((features, labels))
print(pairs)
print(pairs.element_spec)
print(len(pairs), pairs.cardinality())

batches = pairs.batch(4)
print(batches)
print(batches.cardinality().numpy(), pairs.batch(4, drop_remainder=True).element_spec)
for x, y in batches:
    print(x.shape, y.numpy())

first_x, first_y = next(iter(batches))
print(first_x)

doubled = pairs.map(lambda x, y: (x * 2.0, y))
print(doubled.element_spec)
print([y for _, y in doubled.as_numpy_iterator()][:3])
for x, y in doubled.take(2):
    print(x.numpy(), int(y))

kept = pairs.filter(lambda x, y: y > 0)
print(kept.cardinality().numpy(), [int(y) for _, y in kept])
print([int(v) for v in tf.data.Dataset.range(10).skip(2).take(3)])
print(list(tf.data.Dataset.range(3).repeat(2).as_numpy_iterator()))
print(tf.data.Dataset.range(3).repeat().cardinality().numpy())
print(tf.data.Dataset.range(1, 8, 3).element_spec, list(tf.data.Dataset.range(1, 8, 3).as_numpy_iterator()))

rows = batches.unbatch()
print(rows.cardinality().numpy(), sum(1 for _ in rows))
zipped = tf.data.Dataset.zip((tf.data.Dataset.range(3), pairs))
print(zipped.element_spec)
print(zipped.cardinality().numpy())

named = tf.data.Dataset.from_tensor_slices({"age": [31.0, 45.0, 22.0], "score": [1, 2, 3]})
print(named)
for row in named.batch(2).take(1):
    print(row["age"], row["score"])

pipeline = pairs.shuffle(6, seed=3).batch(2).prefetch(tf.data.AUTOTUNE).cache()
print(pipeline)
print(pipeline.cardinality().numpy(), tf.data.experimental.AUTOTUNE)
print(tf.data.Dataset.from_tensors(features))
print(tf.data.Dataset.from_tensor_slices([1, 2, 3]).element_spec)
try:
    len(tf.data.Dataset.range(3).repeat())
except TypeError as error:
    print("TypeError:", error)
try:
    len(kept)
except TypeError as error:
    print("TypeError:", error)
