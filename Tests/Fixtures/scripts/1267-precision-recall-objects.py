# Keras' Precision and Recall objects called on labels and predictions: streaming counts of true
# and false positives (or negatives) at the 0.5 threshold, their result, and how the metric
# objects print.
import tensorflow as tf
from tensorflow import keras

precision = keras.metrics.Precision()
print(precision([1, 0, 1, 1, 0, 1], [1, 1, 0, 1, 0, 1]))
print(precision([0, 1, 0, 1], [1, 0, 0.7, 0.2]))
print(precision.result(), precision.result().numpy(), precision.name)
precision.reset_state()
print(precision.result())

recall = tf.keras.metrics.Recall(name="hits")
recall.update_state([[1, 0], [1, 1]], [[0.9, 0.6], [0.4, 0.5]])
print(recall.name, recall.result())
recall.update_state([1, 1, 0], [0.51, 0.5, 1.0])
print(float(recall.result()))
print(keras.metrics.Recall()([0, 0], [0, 0]))
second = keras.metrics.Precision()
print(second.name, second(tf.constant([0.0, 1.0, 2.0]), tf.constant([0.8, 0.3, 1.5])))
print(precision)
print(keras.metrics.Mean(name="running"), keras.metrics.BinaryAccuracy())
print(str(recall), "%s" % keras.metrics.SparseCategoricalAccuracy())
