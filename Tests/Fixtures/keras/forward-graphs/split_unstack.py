from tensorflow import keras
from tensorflow.keras import layers

import tensorflow as tf
inputs = keras.Input(shape=(5, 4, 6))
red, green, blue = tf.split(axis=3, num_or_size_splits=3, value=inputs)
bgr = tf.concat(axis=3, values=[blue - 103.939, green - 116.779, red - 123.68])
small, rest = tf.split(inputs, [1, -1], axis=-1)
rows = tf.unstack(inputs, axis=1)
x = layers.Conv2D(3, 3, padding="same")(tf.concat([bgr, rest * 0.5, small], axis=-1))
summed = layers.Add()([rows[0], rows[4], rows[2]])
stacked = tf.stack(rows[1:3], axis=1)
model = keras.Model(inputs, [x, summed, stacked])
