# A Loss subclass called on float64 NumPy data: its call averages a Python list of per-band
# tensors. TensorFlow packs a list of float64 tensors as float64; Keras 3 first converts
# y_true and y_pred to float32 tensors, tf-keras keeps the data's float64.
import numpy as np
import tensorflow as tf
from tensorflow import keras


class BandLoss(keras.losses.Loss):
    def __init__(self, weights, **kwargs):
        super().__init__(**kwargs)
        self.weights = weights

    def call(self, y_true, y_pred):
        parts = []
        for i, w in enumerate(self.weights):
            gap = y_true[:, 0] - y_pred[:, i]
            parts.append(tf.reduce_mean(w * tf.abs(gap)))
        print(parts[0].dtype)
        return tf.reduce_mean(parts)


loss = BandLoss([0.2, 0.7, 1.3])
value = loss(np.array([[1.0], [2.5], [-0.5]]), np.array([[0.9, 1.1, 1.7], [2.0, 2.2, 3.1], [0.1, -0.4, -1.0]]))
print(value.dtype, float(value))
print(value)
print(tf.reduce_mean([tf.constant(0.1, tf.float64), tf.constant(0.2, tf.float64)]))
print(tf.reduce_sum([tf.constant([1.5, 2.25], tf.float64), tf.constant([0.1, 0.2], tf.float64)]))
print(tf.convert_to_tensor([tf.constant(1.1, tf.float64), 2.2]))
print(tf.reduce_max([tf.constant(3, tf.int64), tf.constant(7, tf.int64)]))
