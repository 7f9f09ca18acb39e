# tf.tensordot(x, W, axes=1) inside a custom layer's call() contracts the last axis of x with the
# first axis of W: a matrix W keeps the time axis and changes the features, a vector W drops the
# last axis. An attention pooling layer built on it, in a functional model with its summary and a
# prediction on seeded weights.
import numpy as np
import tensorflow as tf
from tensorflow import keras

tf.keras.utils.set_random_seed(11)


class TimePooling(keras.layers.Layer):
    def __init__(self, hidden=3, **kwargs):
        super().__init__(**kwargs)
        self.hidden = hidden

    def build(self, input_shape):
        self.proj = self.add_weight(name="proj", shape=(input_shape[-1], self.hidden),
                                    initializer="glorot_uniform")
        self.shift = self.add_weight(name="shift", shape=(self.hidden,), initializer="zeros")
        self.query = self.add_weight(name="query", shape=(self.hidden,),
                                     initializer="glorot_uniform")

    def call(self, x):
        keys = tf.tanh(tf.tensordot(x, self.proj, axes=1) + self.shift)
        scores = tf.tensordot(keys, self.query, axes=1)
        weights = tf.nn.softmax(scores, axis=1)
        return tf.reduce_sum(x * tf.expand_dims(weights, -1), axis=1)

    def get_config(self):
        config = super().get_config()
        config.update({"hidden": self.hidden})
        return config


class Project(keras.layers.Layer):
    def build(self, input_shape):
        self.kernel = self.add_weight(name="kernel", shape=(input_shape[-1], 2),
                                      initializer="ones")

    def call(self, x):
        return tf.tensordot(x, self.kernel, axes=1)


inputs = keras.Input(shape=(5, 4))
seq = keras.layers.Dense(6, activation="relu")(inputs)
pooled = TimePooling(3, name="pool")(seq)
outputs = keras.layers.Dense(1, activation="sigmoid")(pooled)
model = keras.Model(inputs, outputs)
model.summary()

data = np.random.RandomState(3).rand(2, 5, 4).astype("float32")
print(np.round(model.predict(data, verbose=0), 4))
print(model.get_layer("pool").get_config()["hidden"])

projected = Project()(keras.Input(shape=(7, 3)))
print(projected.shape)
print(Project()(np.arange(6, dtype="float32").reshape(1, 2, 3)).numpy())
