# Custom layers of GAN, capsule and text-attention files: tf.pad REFLECT / SYMMETRIC, tf.nn.moments,
# tf.tile by the batch size, tf.zeros_like, tf.norm, K.dot of a sequence and a weight.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras import backend as K


class MirrorPad(layers.Layer):
    def __init__(self, amount=(1, 1), mode='REFLECT', **kwargs):
        super().__init__(**kwargs)
        self.amount = tuple(amount)
        self.mode = mode

    def call(self, x):
        r, c = self.amount
        return tf.pad(x, [[0, 0], [r, r], [c, c], [0, 0]], self.mode)


class InstanceNorm(layers.Layer):
    def call(self, x):
        mean, var = tf.nn.moments(x, axes=[1, 2], keepdims=True)
        return (x - mean) * tf.math.rsqrt(var + 1e-5)


class Routing(layers.Layer):
    def __init__(self, caps, dim, **kwargs):
        super().__init__(**kwargs)
        self.caps, self.dim = caps, dim

    def build(self, shape):
        self.W = self.add_weight(name='W', shape=[shape[1], self.caps, shape[2], self.dim])

    def call(self, u):
        u = tf.expand_dims(tf.expand_dims(u, 2), -1)
        w = tf.tile(tf.expand_dims(self.W, 0), [tf.shape(u)[0], 1, 1, 1, 1])
        u_hat = tf.squeeze(tf.matmul(w, u, transpose_a=True), -1)
        logits = tf.zeros_like(u_hat[..., 0])
        c = tf.nn.softmax(logits, axis=2)
        return tf.reduce_sum(tf.expand_dims(c, -1) * u_hat, axis=1)


class Pool(layers.Layer):
    def build(self, shape):
        self.w = self.add_weight(name='w', shape=(shape[-1], 1))

    def call(self, x):
        scores = K.softmax(K.squeeze(K.dot(x, self.w), -1))
        return K.sum(x * K.expand_dims(scores), axis=1)


image = keras.Input((12, 12, 3))
x = MirrorPad((3, 3))(image)
x = layers.Conv2D(8, 7)(x)
x = InstanceNorm()(x)
x = MirrorPad((1, 2), mode='symmetric')(x)
x = layers.Conv2D(8, 3, strides=2)(x)
gen = keras.Model(image, x, name='gen')
gen.summary()
print(gen.output_shape, gen.layers[1].amount, gen.layers[4].mode)

u = keras.Input((16, 4))
caps = Routing(3, 5)(u)
lengths = layers.Lambda(lambda v: tf.norm(v, axis=-1))(caps)
pooled = Pool()(layers.Dense(6)(u))
net = keras.Model(u, [lengths, pooled])
net.summary()
print([w.shape for w in net.weights])
print([o.shape for o in net.predict(np.ones((2, 16, 4), 'float32'), verbose=0)])
