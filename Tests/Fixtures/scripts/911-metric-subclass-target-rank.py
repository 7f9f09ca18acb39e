# A Metric subclass in compile gets the batch's targets as each Keras hands them over: tf-keras
# gives targets of one axis a last axis of 1 to match predictions of two (so y_true * y_pred is
# per sample), Keras 3 passes them as they are (and the product broadcasts to a square).
import numpy as np
import tensorflow as tf


class Tally(tf.keras.metrics.Metric):
    def __init__(self, name="tally", **kwargs):
        super().__init__(name=name, **kwargs)
        self.batches = self.add_weight(name="batches", initializer="zeros")
        self.overlap = self.add_weight(name="overlap", initializer="zeros")

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.batches.assign_add(1.0)
        self.overlap.assign_add(tf.reduce_sum(y_true * y_pred))

    def result(self):
        return self.batches * 100 + self.overlap

    def reset_states(self):
        self.batches.assign(0)
        self.overlap.assign(0)


tf.keras.utils.set_random_seed(2)
model = tf.keras.Sequential([
    tf.keras.Input((3,)),
    tf.keras.layers.Dense(4, activation="relu"),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="sgd", loss="binary_crossentropy", metrics=[Tally()])
x = np.random.rand(20, 3).astype("float32")
y = (x[:, 1] > 0.4).astype("float32")
history = model.fit(x, y, epochs=2, batch_size=5, verbose=0)
print({key: [round(v, 4) for v in values] for key, values in history.history.items()})
print([round(v, 4) for v in model.evaluate(x, y, batch_size=10, verbose=0)])
