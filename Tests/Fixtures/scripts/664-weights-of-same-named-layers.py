# Two models whose layers carry the same names (a model built twice by one function, a
# subclassed copy): each weight reads its own layer's values, and values moved across stay put.
import numpy as np
import tensorflow as tf
from tensorflow import keras


def tower(tag):
    inputs = keras.Input(shape=(6,), name="features")
    x = keras.layers.Dense(5, activation="relu", name="hidden")(inputs)
    x = keras.layers.BatchNormalization(name="norm")(x)
    outputs = keras.layers.Dense(2, name="head")(x)
    return keras.Model(inputs, outputs, name=tag)


class Copy(keras.Model):
    def __init__(self):
        super().__init__(name="copy")
        self.hidden = keras.layers.Dense(5, activation="relu", name="hidden")
        self.norm = keras.layers.BatchNormalization(name="norm")
        self.head = keras.layers.Dense(2, name="head")

    def call(self, inputs):
        return self.head(self.norm(self.hidden(inputs)))


source = tower("source")
target = tower("target")
copy = Copy()
copy(tf.ones((1, 6)))

print([w.name for w in source.weights] == [w.name for w in target.weights])
print(len(copy.weights), [tuple(w.shape) for w in copy.weights])

print([float(np.abs(w.numpy()).sum()) for w in target.weights[1:6]])

target.set_weights(source.get_weights())
copy.set_weights(source.get_weights())
for a, b, c in zip(source.weights, target.weights, copy.weights):
    print(a.name == b.name, np.array_equal(a.numpy(), b.numpy()), np.array_equal(a.numpy(), c.numpy()))

# One layer changed by hand: only that model's weight moves.
head = target.get_layer("head")
head.set_weights([np.full((5, 2), 0.5, "float32"), np.array([1.0, -1.0], "float32")])
print(target.weights[-1].numpy(), source.weights[-1].numpy().shape)
print(np.array_equal(source.weights[-2].numpy(), copy.weights[-2].numpy()))

# Assigning through a variable of the second model.
target.weights[0].assign(np.zeros((6, 5), "float32"))
print(float(np.abs(target.weights[0].numpy()).sum()), np.array_equal(source.weights[0].numpy(), target.weights[0].numpy()))
print(target.get_layer("hidden").get_weights()[0].sum(), target.weights[0] is target.weights[0])
