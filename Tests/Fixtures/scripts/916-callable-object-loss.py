# An object of a plain class with __call__ given to compile as the loss: both Kerases wrap it as
# a loss function (named after its class in snake case) and train with it.
import numpy as np
import tensorflow as tf


class PowerGap:
    def __init__(self, power=2.0):
        self.power = power

    def __call__(self, y_true, y_pred):
        return tf.reduce_mean(tf.abs(y_true - y_pred) ** self.power, axis=-1)


tf.keras.utils.set_random_seed(11)
model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(2)])
model.compile(optimizer="sgd", loss=PowerGap(1.5), metrics=["mae"])
x = np.random.rand(12, 4).astype("float32")
y = np.random.rand(12, 2).astype("float32")
history = model.fit(x, y, epochs=2, batch_size=4, verbose=0)
print({key: [round(v, 5) for v in values] for key, values in history.history.items()})
print(round(float(PowerGap()(tf.constant([[1.0, 2.0]]), tf.constant([[0.5, 2.5]]))[0]), 5))
