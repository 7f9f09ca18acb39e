from tensorflow import keras
from tensorflow.keras import layers

import tensorflow as tf

inputs = keras.Input(shape=(6, 5, 3))
x = layers.Conv2D(4, 3, padding="same")(inputs)
a = tf.nn.relu(x) + tf.sigmoid(x) * tf.tanh(x) - tf.nn.softplus(x)
m = tf.reduce_mean(a, axis=[1, 2], keepdims=True)
mx = tf.reduce_max(a, axis=-1, keepdims=True)
mn = tf.math.reduce_min(a, axis=2, keepdims=True)
s = tf.reduce_sum(tf.square(a), axis=3, keepdims=True)
g = a * tf.sigmoid(m) + mx - mn + tf.sqrt(s + 1.0) + tf.exp(-tf.abs(a)) + tf.math.log(s + 2.0)
g = tf.clip_by_value(g, -2.0, 2.0) + tf.maximum(a, 0.1) + tf.minimum(a, y=-0.1)
n = tf.nn.l2_normalize(g, axis=-1)
c = tf.concat([n, g], axis=-1)
st = tf.stack([n, g], axis=1)
st = tf.reshape(st, [-1, 2 * 6 * 5 * 4])
e = tf.squeeze(tf.expand_dims(c, 1), axis=1)
t = tf.transpose(e, [0, 2, 1, 3])
r = tf.image.resize(t, (7, 4))
rn = tf.image.resize(t, [3, 8], method="nearest")
flat = tf.reshape(r, (-1, 7 * 4 * 8))
q = layers.Dense(6)(flat)
k = layers.Dense(6)(tf.reshape(rn, [-1, 3 * 8 * 8]))
att = tf.nn.softmax(tf.matmul(tf.expand_dims(q, 2), tf.expand_dims(k, 1)), axis=-1)
out = tf.concat([tf.reshape(att, [-1, 36]), st, tf.pow(tf.reduce_mean(a, axis=[1, 2]), 2.0)], axis=1)
model = keras.Model(inputs, out)
