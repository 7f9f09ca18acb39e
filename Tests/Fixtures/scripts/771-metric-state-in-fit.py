# A stateful Metric subclass given to compile: fit resets it every epoch, updates it on each
# batch's predictions and logs its result under its name; evaluate and validation do the same.
import numpy as np
import tensorflow as tf
from tensorflow import keras


class SignAgreement(keras.metrics.Metric):
    def __init__(self, name="sign_agreement", **kwargs):
        super().__init__(name=name, **kwargs)
        self.hits = self.add_weight(name="hits", initializer="zeros")
        self.seen = self.add_weight(name="seen", initializer="zeros")

    def update_state(self, y_true, y_pred, sample_weight=None):
        same = tf.cast(tf.equal(y_true > 0.5, y_pred > 0.5), tf.float32)
        self.hits.assign_add(tf.reduce_sum(same))
        self.seen.assign_add(tf.cast(tf.size(same), tf.float32))

    def result(self):
        return self.hits / self.seen


class BatchPeak(keras.metrics.Metric):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.peak = self.add_weight(name="peak", initializer="zeros")

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.peak.assign(tf.maximum(self.peak, tf.reduce_max(tf.abs(y_pred - y_true))))

    def result(self):
        return tf.identity(self.peak)


x = np.linspace(-1.0, 1.0, 24).reshape(12, 2).astype("float32")
y = (x[:, :1] + 0.5 * x[:, 1:] > 0).astype("float32")
model = keras.Sequential([
    keras.Input((2,)),
    keras.layers.Dense(3, activation="tanh", kernel_initializer=keras.initializers.Constant(0.3)),
    keras.layers.Dense(1, activation="sigmoid", kernel_initializer=keras.initializers.Constant(-0.2)),
])
model.compile(optimizer=keras.optimizers.SGD(0.5), loss="binary_crossentropy",
              metrics=["accuracy", SignAgreement(), BatchPeak(name="peak")])
history = model.fit(x, y, batch_size=5, epochs=3, shuffle=False, verbose=0,
                    validation_data=(x[:4], y[:4]))
for key in sorted(history.history):
    print(key, [round(v, 4) for v in history.history[key]])
print([round(v, 4) for v in model.evaluate(x, y, batch_size=4, verbose=0)])
print(model.metrics_names)
