from tensorflow import keras
from tensorflow.keras import layers

import tensorflow as tf

inputs = keras.Input(shape=(5, 4, 6))
x = layers.Conv2D(6, 3, padding="same")(inputs)
avg = tf.reduce_mean(x, axis=-1, keepdims=True)
mx = tf.reduce_max(x, axis=-1, keepdims=True)
spatial = layers.Conv2D(1, 3, padding="same", activation="sigmoid")(tf.concat([avg, mx], axis=-1))
x = x * tf.tile(spatial, [1, 1, 1, 6])
flat = layers.Reshape((20, 6))(x)
affinity = layers.Lambda(lambda t: tf.nn.softmax(tf.matmul(t, t, transpose_b=True), axis=-1))(flat)
y = layers.Lambda(lambda p: tf.matmul(p[0], p[1]))([affinity, flat])
y = keras.activations.relu(y) + keras.activations.sigmoid(y)
model = keras.Model(inputs, layers.Flatten()(y))
