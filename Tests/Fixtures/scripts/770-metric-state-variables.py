# A Metric subclass keeps its counts in add_weight variables: update_state adds to them,
# result reads them, reset_state (the base class's) sets them back to zeros.
import numpy as np
import tensorflow as tf
from tensorflow import keras


class RoundedAgreement(keras.metrics.Metric):
    def __init__(self, name="rounded_agreement", **kwargs):
        super().__init__(name=name, **kwargs)
        self.agree = self.add_weight(name="agree", initializer="zeros")
        self.total = self.add_weight(name="total", initializer="zeros")

    def update_state(self, y_true, y_pred, sample_weight=None):
        same = tf.cast(tf.equal(tf.round(y_pred), tf.cast(y_true, y_pred.dtype)), tf.float32)
        self.agree.assign_add(tf.reduce_sum(same))
        self.total.assign_add(tf.cast(tf.size(same), tf.float32))

    def result(self):
        return self.agree / tf.maximum(self.total, 1.0)


class PairTable(keras.metrics.Metric):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.table = self.add_weight(name="table", shape=(2, 2), initializer="zeros")
        self.batches = self.add_weight(name="batches", initializer="ones", dtype="int32")

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.table.assign_add(tf.ones((2, 2)) * tf.reduce_mean(tf.cast(y_pred, tf.float32)))
        self.batches.assign_add(1)

    def result(self):
        return tf.reduce_sum(self.table) / tf.cast(self.batches, tf.float32)


agreement = RoundedAgreement()
print(agreement.name, agreement.dtype, len(agreement.variables))
print([v.name for v in agreement.variables])
print(agreement.agree)
agreement.update_state(np.array([[1.0], [0.0], [1.0]]), np.array([[0.8], [0.3], [0.1]]))
print(float(agreement.result()))
print(agreement.result())
print(agreement.agree.numpy(), agreement.total.numpy())
print(agreement(np.array([[0.0]]), np.array([[0.2]])))
agreement.reset_state()
print(agreement.agree.numpy(), float(agreement.result()))

table = PairTable()
print(table.name)
print(table.table)
print(table.batches)
table.update_state(np.zeros((2, 1)), np.array([[0.5], [1.5]]))
print(table.table.numpy())
print(float(table.result()))
print(table.get_config())
try:
    table.reset_state()
except ValueError as error:
    print("ValueError:", error)
print(table.batches.numpy())
