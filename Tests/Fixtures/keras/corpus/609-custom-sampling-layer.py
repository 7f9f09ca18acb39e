# A variational encoder whose sampling step is a subclass of keras.layers.Layer.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class Sampling(layers.Layer):
    def call(self, inputs):
        mean, log_var = inputs
        noise = tf.random.normal(tf.shape(log_var))
        return mean + tf.exp(log_var / 2) * noise


inputs = keras.Input(shape=(20,))
h = layers.Dense(16, activation="relu")(inputs)
mean = layers.Dense(2)(h)
log_var = layers.Dense(2)(h)
codings = Sampling()([mean, log_var])
encoder = keras.Model(inputs, [mean, log_var, codings])
encoder.summary()
