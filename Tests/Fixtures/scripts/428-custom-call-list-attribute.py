# A custom layer keeps its scales in a plain list and reads a method the list does not have
# inside call(): Python's AttributeError, wrapped by Keras as it traces the call.
import tensorflow as tf
from tensorflow import keras


class Scales(keras.layers.Layer):
    def __init__(self, factors, **kwargs):
        super().__init__(**kwargs)
        self.factors = tuple(factors)

    def call(self, x):
        chosen = list(self.factors)
        chosen.sort()
        return x * chosen.first


inputs = keras.Input(shape=(4,))
outputs = Scales([3.0, 2.0])(inputs)
