# Loss functions on eager values check their shapes as each Keras does: tf-keras' categorical
# crossentropy wants compatible shapes, Keras 3's crossentropies one rank and equal sizes. And a
# comparison converts a Python number to the dtype of the whole-number tensor before it.
import numpy as np
import tensorflow as tf

labels = tf.constant([0.0, 1.0])
logits = tf.constant([[0.3, -1.2]])
try:
    tf.keras.losses.categorical_crossentropy(labels, logits, from_logits=True)
except ValueError as error:
    print("categorical:", error)
print(tf.keras.losses.categorical_crossentropy([[0.0, 1.0]], logits, from_logits=True).shape)
try:
    print(tf.keras.losses.binary_crossentropy(labels, tf.sigmoid(logits)).shape)
except ValueError as error:
    print("binary:", error)
print(tf.keras.losses.mse(labels, logits).shape)

counts = np.array([0, 1, 2, 3])
print(tf.less(counts, 2))
print(tf.greater_equal(counts, [1, 1, 3, 3]))
try:
    tf.less(counts, 1.5)
except TypeError as error:
    print(error)
try:
    tf.equal(3, 2.5)
except TypeError as error:
    print(error)
