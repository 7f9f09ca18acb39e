# Weight names of layers that custom layers and subclassed models hold: built by an explicit
# build() inside the outer build, built by a call, or by model.build().
import numpy as np
import tensorflow as tf


class Residual(tf.keras.layers.Layer):
    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.first = tf.keras.layers.Conv1D(filters, 3, padding="same", name="first_conv")
        self.second = tf.keras.layers.Conv1D(filters, 1, name="second_conv")
        self.mix = tf.keras.layers.Dense(filters)

    def build(self, input_shape):
        self.first.build(input_shape)
        self.second.build(input_shape)
        super().build(input_shape)

    def call(self, x):
        return self.mix(self.first(x) + self.second(x)) + x


class Head(tf.keras.Model):
    def __init__(self, name):
        super().__init__(name=name)
        self.hidden = tf.keras.layers.Dense(3)
        self.parts = {"gate": tf.keras.layers.Dense(3), "out": tf.keras.layers.Dense(1)}

    def call(self, x):
        h = self.hidden(x)
        return self.parts["out"](h * self.parts["gate"](x))


inputs = tf.keras.Input((6, 4))
block = Residual(4, name="res")
model = tf.keras.Model(inputs, block(inputs))
for w in model.weights:
    print(w.name, w.shape)

eager = Head("eager_head")
print(eager(np.ones((2, 5), dtype="float32")).shape)
print([w.name for w in eager.weights])

symbolic = Head("symbolic_head")
symbolic(tf.keras.Input((5,)))
print([w.name for w in symbolic.weights])

built = Head("built_head")
built.build((None, 5))
print([w.name for w in built.weights])
print([layer.name for layer in built.layers])
