# Eager tensors made from Python values and NumPy arrays, printed as TensorFlow prints them.
import numpy as np
import tensorflow as tf

scores = tf.constant([[0.5, 1.5, 2.0], [3.25, -1.0, 0.0]])
print(scores)
print(repr(scores))
labels = tf.constant([2, 0])
print(labels, repr(labels))
print(tf.constant(7), repr(tf.constant(7)))
print(tf.constant(2.5), repr(tf.constant(1 / 3)))
print(tf.constant([True, False, True]))
print(tf.constant(np.array([0.1, 0.2])))
print(repr(tf.constant(np.arange(4))))
print(tf.constant([1, 2, 3], dtype=tf.float32))
print(tf.constant(0.0, shape=(2, 2)))
print(tf.constant([1, 2, 3, 4, 5, 6], shape=(3, 2)))
batch = tf.convert_to_tensor(np.ones((2, 3), dtype="float32"))
print(batch.shape, batch.dtype, batch.ndim, len(batch))
print(repr(batch.shape))
for row in scores:
    print(row)
print(int(tf.constant(41)) + 1, float(tf.constant(0.25)) * 2)
print(scores.numpy())
print(labels.numpy())
print(f"total: {tf.constant(3.5)}")
print(tf.constant([[1, 2], [3, 4]], dtype=tf.uint8))
