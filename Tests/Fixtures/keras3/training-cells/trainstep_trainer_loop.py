import numpy as np
import tensorflow as tf
import keras
from keras import layers


def wave(n, k, scale):
    # A deterministic, irregular pattern of n values in about [-scale, scale].
    i = np.arange(n)
    return (((-1.0) ** i) * np.exp(-i * 0.05 - k) + np.exp(-i * 0.37) - 0.5 * np.exp(-i * 0.013)).astype("float32") * scale


def fill(model):
    # Deterministic starting weights: a smooth pattern per weight.
    values = []
    for k, w in enumerate(model.get_weights()):
        n = w.size
        values.append(wave(n, k, 0.3).reshape(w.shape))
    model.set_weights(values)


x = wave(40 * 6, 0.5, 0.8).reshape(40, 6)
y = np.array([(i * 7) % 3 for i in range(40)], dtype="int64")
x_val, y_val = x[:10] * 0.5, y[:10]

inner = keras.Sequential([
    keras.Input(shape=(6,)),
    layers.Dense(8, activation="relu"),
    layers.Dense(3, activation="softmax"),
])
fill(inner)


class Trainer(keras.Model):
    def __init__(self, model):
        super().__init__()
        self.model = model
        self.loss_fn = keras.losses.SparseCategoricalCrossentropy()
        self.accuracy = keras.metrics.SparseCategoricalAccuracy()
        self.loss_tracker = keras.metrics.Mean(name="loss")

    @property
    def metrics(self):
        return [self.loss_tracker, self.accuracy]

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self.model(x, training=True)
            loss = self.loss_fn(y, y_pred)
        variables = self.trainable_variables
        gradients = tape.gradient(loss, variables)
        self.optimizer.apply_gradients(zip(gradients, variables))
        self.loss_tracker.update_state(loss)
        self.accuracy.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}

    def test_step(self, data):
        x, y = data
        y_pred = self.model(x, training=False)
        self.loss_tracker.update_state(self.loss_fn(y, y_pred))
        self.accuracy.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}

    def call(self, x):
        return self.model(x)


trainer = Trainer(inner)
trainer.compile(optimizer=keras.optimizers.Adam(learning_rate=0.05))
history = trainer.fit(x, y, batch_size=16, epochs=3, shuffle=False, verbose=2,
                      validation_data=(x_val, y_val))
print(history.history)
print([m.name for m in trainer.metrics])
print(trainer.evaluate(x, y, batch_size=16, verbose=2))
print(np.round(inner.get_weights()[3], 4))
print(np.round(inner.predict(x[:3], verbose=0), 4))
