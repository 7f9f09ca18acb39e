# tf.boolean_mask keeps the values where the mask is nonzero and flattens the mask's axes into one
# (starting at `axis`); indexing an eager tensor with a whole boolean tensor or NumPy array is the
# same call. A score filter in the style of an object detector's, then the edge cases.
import numpy as np
import tensorflow as tf

scores = tf.reshape(tf.range(1.0, 25.0) * 0.25 - 2.0, (2, 3, 4))
classes = tf.argmax(scores, axis=-1)
best = tf.reduce_max(scores, axis=-1)
keep = best >= 1.0
print(keep)
print(tf.boolean_mask(best, keep))
print(tf.boolean_mask(scores, keep, axis=None, name="kept"))
print(tf.boolean_mask(classes, keep).dtype)
print(best[keep].shape, scores[keep].numpy()[0])

# A float mask counts its nonzero values; NumPy inputs keep their dtype; lists become tensors.
probabilities = tf.constant([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])
labels = tf.constant([0, 2])
print(tf.boolean_mask(probabilities, tf.one_hot(labels, depth=3)))
print(tf.boolean_mask(np.arange(6).reshape(2, 3), np.array([[1, 0, 1], [0, 0, 1]], bool)))
print(tf.boolean_mask([1, 2, 3], [True, False, True]))
print(tf.boolean_mask(scores, tf.constant([[True, False, False, True]] * 3), axis=1))
empty = tf.boolean_mask(scores, tf.zeros((2, 3), tf.bool))
print(empty, empty.shape)

# The gradient goes back to the places the values came from.
x = tf.constant([0.5, 2.0, -1.0, 3.0])
with tf.GradientTape() as tape:
    tape.watch(x)
    total = tf.reduce_sum(tf.boolean_mask(x * x, x > 1.0))
print(tape.gradient(total, x))

for mask in [True, tf.ones((3,), tf.bool), np.array([True, False, True])]:
    try:
        print(scores[mask] if isinstance(mask, np.ndarray) else tf.boolean_mask(scores, mask))
    except ValueError as error:
        print("ValueError:", error)
