from tensorflow import keras
from tensorflow.keras import layers

import tensorflow as tf

def squash(v, axis=-1):
    n = tf.reduce_sum(tf.square(v), axis, keepdims=True)
    return n / (1 + n) * v / tf.sqrt(n + 1e-7)

class Capsules(layers.Layer):
    def build(self, input_shape):
        self.W = self.add_weight(name='W', shape=[input_shape[1], 3, input_shape[2], 4], initializer='glorot_uniform')

    def call(self, u):
        u = tf.expand_dims(tf.expand_dims(u, 2), -1)
        w = tf.tile(tf.expand_dims(self.W, 0), [tf.shape(u)[0], 1, 1, 1, 1])
        u_hat = tf.squeeze(tf.matmul(w, u, transpose_a=True), axis=-1)
        b = tf.zeros_like(u_hat[:, :, :, 0])
        for i in range(3):
            c = tf.nn.softmax(b, axis=2)
            v = squash(tf.reduce_sum(tf.expand_dims(c, -1) * u_hat, axis=1))
            if i < 2:
                b += tf.reduce_sum(u_hat * tf.expand_dims(v, 1), axis=-1)
        return v

inputs = keras.Input(shape=(6, 6, 2))
x = layers.Conv2D(8, 3, strides=2)(inputs)
x = layers.Lambda(squash)(layers.Reshape((-1, 4))(x))
model = keras.Model(inputs, layers.Lambda(lambda z: tf.norm(z, axis=-1))(Capsules()(x)))
