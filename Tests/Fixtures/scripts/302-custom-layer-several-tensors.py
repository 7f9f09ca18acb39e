# A custom layer whose call takes several tensors (inputs and states, or a mask keyword), on data
# and on Keras tensors.
import numpy as np
import tensorflow as tf


class Gate(tf.keras.layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.wx = tf.keras.layers.Dense(units)
        self.wh = tf.keras.layers.Dense(units)

    def call(self, inputs, states, training=None):
        return tf.nn.tanh(self.wx(inputs) + self.wh(states))


gate = Gate(5)
x = tf.random.uniform((2, 3))
h = tf.zeros((2, 5))
print(gate(x, h).shape)
print(len(gate.trainable_weights))

xi = tf.keras.Input((3,))
hi = tf.keras.Input((5,))
out = Gate(4)(xi, hi)
model = tf.keras.Model([xi, hi], out)
model.summary()


class Masked(tf.keras.layers.Layer):
    def call(self, x, mask=None):
        return x * mask


print(Masked()(tf.ones((1, 3)), mask=np.array([[1.0, 0.0, 1.0]], dtype="float32")))
