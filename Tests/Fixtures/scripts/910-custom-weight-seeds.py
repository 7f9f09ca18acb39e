# A seeded script's custom layers draw their add_weight() values as Keras does: each random
# initializer takes the next seed when the weight is made (in __init__ or in build), so the
# built-in layers made after them draw theirs as Keras does too.
import numpy as np
import tensorflow as tf
from tensorflow import keras


class Scale(keras.layers.Layer):
    def __init__(self, size):
        super().__init__()
        self.gain = self.add_weight(shape=(size,), initializer="random_uniform", trainable=True)

    def call(self, inputs):
        return inputs * self.gain


class Project(keras.layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.units = units

    def build(self, input_shape):
        self.kernel = self.add_weight(
            shape=(input_shape[-1], self.units), initializer="random_normal", name="kernel")
        self.offset = self.add_weight(shape=(self.units,), initializer="zeros", name="offset")
        self.mix = self.add_weight(shape=(self.units, self.units), name="mix")

    def call(self, inputs):
        return tf.matmul(tf.matmul(inputs, self.kernel) + self.offset, self.mix)


keras.utils.set_random_seed(5)
scale = Scale(3)
print(np.round(scale.gain.numpy(), 6))
inputs = keras.Input((3,))
hidden = Project(2)(scale(inputs))
outputs = keras.layers.Dense(2)(hidden)
model = keras.Model(inputs, outputs)
for weight in model.get_weights():
    print(np.round(weight, 6))
print(np.round(model.predict(np.ones((1, 3)), verbose=0), 5))

keras.utils.set_random_seed(6)
solo = Project(3)
print(solo(tf.ones((2, 2))))
print(np.round(solo.mix.numpy(), 6))
