# A layer keeps the script's own constraint, regularizer and initializer objects as its
# attributes; a loss decorated with @tf.function is still the script's function for compile.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class SymmetricClip(keras.constraints.Constraint):
    def __init__(self, limit):
        self.limit = limit

    def __call__(self, weights):
        return keras.backend.clip(weights, -self.limit, self.limit)

    def get_config(self):
        return {"limit": self.limit}


class SumOfSquares(keras.regularizers.Regularizer):
    def __init__(self, factor=0.001):
        self.factor = factor

    def __call__(self, weights):
        return self.factor * tf.reduce_sum(tf.square(weights))

    def get_config(self):
        return {"factor": self.factor}


@tf.function
def critic_loss(labels, scores):
    return tf.reduce_mean(labels * scores)


clip = SymmetricClip(0.05)
penalty = SumOfSquares(0.01)
critic = keras.Sequential([
    keras.Input(shape=(6,)),
    layers.Dense(8, kernel_constraint=clip, kernel_regularizer=penalty),
    layers.LeakyReLU(0.2),
    layers.Dense(1, kernel_constraint=clip),
])
critic.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.0005), loss=critic_loss)
critic.summary()
first = critic.layers[0]
print(first.kernel_constraint is clip, first.kernel_regularizer is penalty)
print(first.kernel_constraint.get_config(), first.kernel_regularizer.get_config())
print(type(critic.layers[2].kernel_constraint).__name__)
print(first.bias_constraint, first.bias_regularizer)
