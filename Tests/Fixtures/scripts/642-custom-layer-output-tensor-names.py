# The tensors custom layers return, as their repr names them: Keras 3 numbers every Keras tensor
# it makes, a custom layer's outputs included, and one that builds its sublayers by running its
# call() on the first inputs makes one more tensor for that run; the sublayers called inside
# call() make none.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class TwoDense(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.first = layers.Dense(6, activation="relu")
        self.second = layers.Dense(3)

    def call(self, x):
        return self.second(self.first(x)) * 0.5


class Halve(layers.Layer):
    def call(self, x):
        return x / 2.0


class BuiltHere(layers.Layer):
    def build(self, input_shape):
        self.proj = layers.Dense(2)
        self.bias = self.add_weight(name="bias", shape=(2,), initializer="zeros")

    def call(self, x):
        return self.proj(x) + self.bias


class Fork(layers.Layer):
    def call(self, x):
        return x - 1.0, x + 1.0


source = keras.Input(shape=(5,))
t1 = TwoDense(name="two_dense")(source)
t2 = layers.Dense(4, name="mid")(t1)
t3 = Halve(name="halve")(t2)
t4 = BuiltHere(name="built_here")(t3)
low, high = Fork(name="fork")(t4)
t5 = layers.Dense(1, name="last")(high)
for tensor in [source, t1, t2, t3, t4, low, high, t5]:
    print(repr(tensor))
again = Halve(name="halve_again")
print(repr(again(low)), repr(again(high)))
