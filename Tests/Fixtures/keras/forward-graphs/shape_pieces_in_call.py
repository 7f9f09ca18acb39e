from tensorflow import keras
from tensorflow.keras import layers

import numpy as np
import tensorflow as tf
from tensorflow.keras import backend as K

class Shuffle(layers.Layer):
    def call(self, x):
        b, h, w, c = K.shape(x)[0], K.shape(x)[1], K.shape(x)[2], K.int_shape(x)[-1]
        x = K.reshape(x, [b, h, w, 2, c // 2])
        x = K.permute_dimensions(x, (0, 1, 2, 4, 3))
        return K.reshape(x, [b, h, w, c])

class Pick(layers.Layer):
    def call(self, x):
        y = tf.gather(x, np.array([2, 0, 1]), axis=-1)
        z = tf.broadcast_to(tf.reduce_mean(x, axis=[1, 2], keepdims=True), tf.shape(x))
        half = tf.shape(x)[1] // 2
        return y + z * tf.cast(half, tf.float32)

inputs = keras.Input(shape=(4, 5, 6))
x = Shuffle()(layers.Conv2D(6, 3, padding='same')(inputs))
x = Pick()(layers.Conv2D(3, 1)(x))
model = keras.Model(inputs, layers.Flatten()(x * 3.0 // 1.0 + x))
