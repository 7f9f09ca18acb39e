# A functional model that calls a tf_keras layer on a tf.keras tensor.
import tensorflow as tf
import tf_keras


def block(x, units):
    x = tf.keras.layers.Dropout(0.5)(x)
    return tf_keras.layers.Dense(units, activation="relu")(x)


inputs = tf.keras.Input(shape=(32,))
x = block(inputs, 64)
outputs = tf.keras.layers.Dense(3)(x)
model = tf.keras.Model(inputs, outputs)
model.summary()
