from tensorflow import keras
from tensorflow.keras import layers

import tensorflow as tf
inputs = keras.Input(shape=(9, 7, 4))
x = layers.Conv2D(6, 3, padding="same", activation="relu")(inputs)
a = tf.nn.max_pool(x, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding="SAME", name="pool1")
b = tf.nn.avg_pool(x, ksize=3, strides=1, padding="VALID")
c = tf.nn.max_pool2d(b, 2, 2, "VALID")
d = tf.nn.avg_pool2d(x, ksize=(3, 2), strides=(2, 3), padding="SAME")
model = keras.Model(inputs, [a, c, d])
