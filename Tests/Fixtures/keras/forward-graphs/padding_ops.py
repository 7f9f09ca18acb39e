from tensorflow import keras
from tensorflow.keras import layers

import tensorflow as tf

inputs = keras.Input(shape=(5, 6, 2))
x = tf.pad(inputs, [[0, 0], [1, 1], [2, 0], [0, 0]])
x = layers.Conv2D(3, 3)(x)
x = layers.Lambda(lambda t: tf.pad(t, [[0, 0], [0, 1], [1, 1], [0, 2]], constant_values=1.5))(x)
model = keras.Model(inputs, layers.Flatten()(layers.Conv2D(2, 2)(x)))
