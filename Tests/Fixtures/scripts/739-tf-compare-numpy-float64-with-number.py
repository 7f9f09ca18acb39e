# A hand-rolled precision counter compares NumPy float64 predictions with a
# Python threshold: TensorFlow converts the threshold to the array's dtype.
import numpy as np
import tensorflow as tf

scores = np.array([0.15, 0.55, 0.95, 0.5])
labels = np.array([0.0, 1.0, 0.0, 1.0])
predicted = tf.greater(scores, 0.5)
print(predicted)
print(tf.greater_equal(0.5, scores))
hits = tf.cast(predicted, tf.float64) * tf.cast(tf.equal(labels, 1.0), tf.float64)
print(tf.reduce_sum(tf.cast(hits, tf.float64)))
