# tf.keras.Model built on an input made with tf_keras.
import tensorflow as tf
import tf_keras

inputs = tf_keras.Input(shape=(10,), name="features")
hidden = tf_keras.layers.Dense(8, activation="relu")(inputs)
outputs = tf_keras.layers.Dense(1)(hidden)
model = tf.keras.Model(inputs, outputs)
model.summary()
