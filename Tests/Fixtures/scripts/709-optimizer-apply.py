"""Keras 3's guides update weights in a custom train_step with `self.optimizer.apply(grads,
trainable_vars)`, beside the older `apply_gradients(zip(...))`; the seeded weights make both
Kerases' runs repeat. tf-keras' optimizers have no `apply`: its AttributeError comes from the first
batch."""
import numpy as np
import tensorflow as tf
from tensorflow import keras

keras.utils.set_random_seed(5)


class Fitter(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.hidden = keras.layers.Dense(4, activation="tanh")
        self.out = keras.layers.Dense(1)
        self.tracker = keras.metrics.Mean(name="loss")

    def call(self, inputs):
        return self.out(self.hidden(inputs))

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            pred = self(x, training=True)
            loss = tf.reduce_mean(tf.square(pred - y))
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply(grads, self.trainable_variables)
        self.tracker.update_state(loss)
        return {"loss": self.tracker.result()}

    @property
    def metrics(self):
        return [self.tracker]


x = np.linspace(-1.0, 1.0, 24, dtype="float32").reshape(8, 3)
y = np.sin(x).sum(axis=1, keepdims=True)
model = Fitter()
model.compile(optimizer=keras.optimizers.SGD(0.1))
history = model.fit(x, y, epochs=3, batch_size=8, verbose=0)
print([round(value, 4) for value in history.history["loss"]])
print(np.round(model.predict(x[:2], verbose=0), 4))
