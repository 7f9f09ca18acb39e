# Training fixture graph_capsule_attention_sgd: custom layers with add_weight: capsule routing (tf.tile by tf.shape(x)[0], 5-D tf.matmul transpose_a, tf.zeros_like, softmax, squash) and K.dot attention pooling over a (None, T, F) sequence; tf.norm lengths in a Lambda, sgd.
from tensorflow import keras
from tensorflow.keras import layers

import tensorflow as tf
from tensorflow.keras import backend as K

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
        for i in range(2):
            c = tf.nn.softmax(b, axis=2)
            v = squash(tf.reduce_sum(tf.expand_dims(c, -1) * u_hat, axis=1))
            if i < 1:
                b += tf.reduce_sum(u_hat * tf.expand_dims(v, 1), axis=-1)
        return v

class AttentionPool(layers.Layer):
    def build(self, input_shape):
        self.W = self.add_weight(name='W', shape=(input_shape[-1], 1), initializer='glorot_uniform')
        self.b = self.add_weight(name='b', shape=(input_shape[1],), initializer='zeros')

    def call(self, x):
        e = K.tanh(K.reshape(K.dot(x, self.W), (-1, x.shape[1])) + self.b)
        a = K.exp(e)
        a = a / (K.sum(a, axis=1, keepdims=True) + K.epsilon())
        return K.sum(x * K.expand_dims(a), axis=1)

inputs = keras.Input(shape=(6, 6, 2))
x = layers.Conv2D(8, 3, strides=2, activation='relu')(inputs)
x = layers.Lambda(squash)(layers.Reshape((-1, 4))(x))
caps = Capsules()(x)
lengths = layers.Lambda(lambda z: tf.norm(z, axis=-1))(caps)
pooled = AttentionPool()(caps)
outputs = layers.Dense(3, activation='softmax')(layers.Concatenate()([lengths, pooled]))
model = keras.Model(inputs, outputs, name='capsule_attention')
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.9), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
