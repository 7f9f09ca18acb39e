# Training fixture graph_tensor_functions_sgd: tensor functions on Keras tensors: abs, square, exp, log1p, reductions, l2_normalize, slicing, concat, maximum, clip, softmax, transpose, reshape, pad, a Lambda with keras.backend, sgd.
from tensorflow import keras
from tensorflow.keras import layers

import tensorflow as tf
from tensorflow.keras import backend as K

inputs = keras.Input(shape=(6,))
x = layers.Dense(8, activation='tanh')(inputs)
a = tf.abs(x) * 0.5 + tf.multiply(tf.square(x[:, 1:2]), x)
b = tf.math.log1p(tf.exp(-tf.square(x)))
c = tf.reduce_mean(x, axis=1, keepdims=True) + tf.reduce_max(x, axis=-1, keepdims=True) - tf.reduce_min(tf.abs(x), axis=1, keepdims=True)
d = tf.nn.l2_normalize(x[:, 2:], axis=1)
e = tf.maximum(x, 0.1) * tf.clip_by_value(x, -0.3, 0.5)
f = tf.nn.softmax(x[:, :5]) + tf.sqrt(tf.square(x[:, 3:]) + 1.0)
g = tf.reshape(tf.transpose(tf.reshape(x, (-1, 2, 4)), perm=[0, 2, 1]), (-1, 8))
h = tf.pad(x[:, :3], [[0, 0], [1, 2]], constant_values=0.25)
k = layers.Lambda(lambda t: K.sum(K.square(t), axis=1, keepdims=True) / K.sqrt(K.mean(K.square(t), axis=1, keepdims=True) + 1.0))(x)
y = tf.concat([a, b, c, d, e, f, g, h, k], axis=1)
outputs = layers.Dense(3, activation='softmax')(y)
model = keras.Model(inputs, outputs, name='tensor_functions')
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.9), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
