# A tf-keras era snippet run as written: tf.reduce_mean directly on a Keras tensor.
import tensorflow as tf
from tensorflow import keras

inputs = keras.Input(shape=(8, 8, 4))
x = keras.layers.Conv2D(4, 3)(inputs)
pooled = tf.reduce_mean(x, axis=[1, 2])
model = keras.Model(inputs, keras.layers.Dense(2)(pooled))
model.summary()
