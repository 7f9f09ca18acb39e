from tensorflow import keras
from tensorflow.keras import layers

import tensorflow as tf

inputs = keras.Input(shape=(9, 7, 2))
skip = layers.Conv2D(4, 3, padding="same", activation="relu")(inputs)
down = layers.Conv2D(6, 3, strides=2, padding="same", activation="relu")(skip)
up = tf.image.resize(down, tf.shape(skip)[1:3])
near = tf.image.resize(down, size=(tf.shape(skip)[1], tf.shape(skip)[2]), method="nearest")
merged = layers.Concatenate()([up, near, skip])
model = keras.Model(inputs, layers.Conv2D(3, 1)(merged))
