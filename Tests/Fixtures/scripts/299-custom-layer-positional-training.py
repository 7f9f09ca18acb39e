# A subclassed model whose call passes `training` positionally to its sublayers.
import numpy as np
import tensorflow as tf


class Half(tf.keras.layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.dense = tf.keras.layers.Dense(units, activation="tanh")
        self.norm = tf.keras.layers.BatchNormalization()

    def call(self, x, training=False):
        return self.norm(self.dense(x), training=training)


class Pair(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.first = Half(16)
        self.second = Half(8)

    def call(self, x, training=False):
        h = self.first(x, training)
        return self.second(h, training)


model = Pair()
y = model(np.zeros((4, 10), dtype=np.float32))
print(y.shape)
model.summary()
