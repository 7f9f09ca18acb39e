"""Keras 3 names every KerasTensor it makes from one counter: a stack called inside a custom
layer's call() runs on graph tensors and takes no name for its output, while building it takes
names for its input and layers; a custom layer or subclassed model without build() that holds
unbuilt layers first runs call() to build them, whose outputs take names even on a call on data."""
import tensorflow as tf


class Projected(tf.keras.layers.Layer):
    def __init__(self, stack):
        super().__init__()
        self.stack = stack

    def call(self, t):
        return self.stack(t) * 2.0


class Held(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.inner = tf.keras.layers.Dense(2)

    def call(self, t):
        return self.inner(t)


class Pair(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.left = tf.keras.layers.Dense(2)
        self.right = tf.keras.Sequential([tf.keras.layers.Dense(3)])

    def call(self, t):
        return self.left(t), self.right(t)


def mark(label):
    print(label, tf.keras.Input((1,)).name)


mark("start")
x = tf.keras.Input((3,))
print(Projected(tf.keras.Sequential([tf.keras.layers.Dense(2)]))(x).shape)
mark("unbuilt stack")
print(Projected(tf.keras.Sequential([tf.keras.layers.Dense(4), tf.keras.layers.Dense(2)]))(x).shape)
mark("two-layer stack")
print(Projected(tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2)]))(x).shape)
mark("built stack")
print(Held()(x).shape)
mark("held dense")
Held()(tf.ones([2, 3]))
mark("held dense on data")
Projected(tf.keras.Sequential([tf.keras.layers.Dense(2)]))(tf.ones([2, 3]))
mark("stack on data")
left, right = Pair()(tf.ones([2, 3]))
print(left.shape, right.shape)
mark("two outputs on data")
