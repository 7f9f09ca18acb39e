"""Batch-level callbacks around a model's own train_step and test_step: the logs each batch
hands over are the step's returned dict (sorted by name in Keras 3), the validation batches call
the on_test_* methods, and the epoch's logs carry the val_ entries."""
import numpy as np
import tensorflow as tf
from tensorflow import keras


class Regressor(keras.Model):
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            guess = self(x, training=True)
            loss = tf.reduce_mean(tf.square(guess - y))
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"squared": loss, "size": tf.constant(2.0)}

    def test_step(self, data):
        x, y = data
        guess = self(x, training=False)
        return {"absolute": tf.reduce_mean(tf.abs(guess - y))}


class Trace(keras.callbacks.Callback):
    def on_train_batch_begin(self, batch, logs=None):
        print("train batch", batch, "begins with", logs)

    def on_batch_end(self, batch, logs=None):
        print("  ends:", [(name, round(float(value), 4)) for name, value in logs.items()])

    def on_train_batch_end(self, batch, logs=None):
        super().on_train_batch_end(batch, logs)

    def on_test_batch_end(self, batch, logs=None):
        print("  validation batch", batch, [(n, round(float(v), 4)) for n, v in logs.items()])

    def on_epoch_end(self, epoch, logs=None):
        print("epoch", epoch, [(n, round(float(v), 4)) for n, v in logs.items()])


inputs = keras.Input(shape=(2,))
model = Regressor(inputs, keras.layers.Dense(1, kernel_initializer="ones")(inputs))
model.compile(optimizer=keras.optimizers.SGD(0.1))
x = np.cos(np.arange(14, dtype="float32").reshape(7, 2))
y = np.full((7, 1), 0.5, "float32")
model.fit(x, y, batch_size=3, epochs=2, verbose=0, shuffle=False, callbacks=[Trace()],
          validation_data=(x[:4], y[:4]))
