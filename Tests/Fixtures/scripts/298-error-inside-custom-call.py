# An exception raised inside a custom layer's call() on data is re-raised by Keras with the
# layer and the arguments it received; only the innermost layer adds that.
import numpy as np
import tensorflow as tf


class Checked(tf.keras.layers.Layer):
    def call(self, x, scale=2.0, training=None, **kwargs):
        if x.shape[-1] != 4:
            raise ValueError(f"expected 4 features, got {x.shape[-1]}")
        return x * scale


class Wrapper(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.inner = Checked(name="checked_inner")

    def call(self, inputs, training=False):
        return self.inner(inputs)


try:
    Checked(name="checker")(np.ones((2, 3)), 3.0, flag="on")
except ValueError as error:
    print(error)

try:
    Wrapper()(tf.ones((5, 7)))
except ValueError as error:
    print(error)

print(Checked()(tf.ones((1, 4))).shape)
Checked(name="last")(tf.zeros((2, 9)))
