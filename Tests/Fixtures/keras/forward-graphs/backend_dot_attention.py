from tensorflow import keras
from tensorflow.keras import layers

import tensorflow as tf
from tensorflow.keras import backend as K

class AttentionPool(layers.Layer):
    def build(self, input_shape):
        self.W = self.add_weight(name='W', shape=(input_shape[-1], 1), initializer='glorot_uniform')
        self.V = self.add_weight(name='V', shape=(2, input_shape[-1], 3), initializer='glorot_uniform')

    def call(self, x):
        e = K.tanh(K.squeeze(K.dot(x, self.W), -1))
        a = K.exp(e)
        a = a / K.sum(a, axis=1, keepdims=True)
        pooled = K.sum(x * K.expand_dims(a), axis=1)
        extra = K.sum(K.dot(x, self.V), axis=1)
        return K.concatenate([pooled, K.reshape(extra, (-1, 6))])

inputs = keras.Input(shape=(7, 5))
x = layers.Dense(4, activation='tanh')(inputs)
model = keras.Model(inputs, AttentionPool()(x))
