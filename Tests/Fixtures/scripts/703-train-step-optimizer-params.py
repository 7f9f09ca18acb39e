"""A subclassed model with its own train_step: after fit, Keras 3's summary counts the compiled
optimizer's variables (built by the first apply_gradients on the variables it was given) in an
`Optimizer params` line; an optimizer the model holds as an attribute does not count, and tf-keras
prints no such line."""
import numpy as np
import tensorflow as tf
from tensorflow import keras


class Stepper(keras.Model):
    def __init__(self, width, **kwargs):
        super().__init__(**kwargs)
        self.hidden = keras.layers.Dense(width, activation="relu")
        self.out = keras.layers.Dense(1)
        self.side_optimizer = keras.optimizers.Adam(0.01)

    def call(self, inputs):
        return self.out(self.hidden(inputs))

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(self(x, training=True) - y))
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}


class SideStepper(Stepper):
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(self(x, training=True) - y))
        grads = tape.gradient(loss, self.out.trainable_variables)
        self.side_optimizer.apply_gradients(zip(grads, self.out.trainable_variables))
        return {"loss": loss}


x = np.linspace(0.0, 1.0, 24, dtype="float32").reshape(6, 4)
y = x.sum(axis=1, keepdims=True)
for model, optimizer in [
    (Stepper(5, name="plain"), keras.optimizers.SGD(0.01)),
    (Stepper(3, name="momentum"), keras.optimizers.SGD(0.01, momentum=0.9)),
    (Stepper(2, name="adam"), "adam"),
    (SideStepper(2, name="side"), "rmsprop"),
]:
    model.compile(optimizer=optimizer)
    model.fit(x, y, epochs=1, batch_size=3, verbose=0)
    model.summary()
