"""tf-keras runs a custom layer's call() on Keras tensors in a scratch graph under the layer's
name scope: Python's operators there make TensorFlow's own ops (`mul`, `add`, `sub`, `truediv`,
`Neg`), made unique in that call (`mul_1`), where a functional graph's make TFOpLambda layers.
Keras 3 names every tensor keras_tensor_N (a custom layer holding another is tf-keras' only
here: ConvBook's Keras 3 numbering differs there, FOUND.md)."""
import tensorflow as tf


class Scaled(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.project = tf.keras.Sequential([tf.keras.layers.Dense(2)])

    def call(self, t):
        return self.project(t) * 2.0


class Chain(tf.keras.layers.Layer):
    def call(self, t):
        u = t * 2.0
        v = u * 3.0
        return v + t


class Unused(tf.keras.layers.Layer):
    def call(self, t):
        spare = t * 3.0
        return t * 2.0


class Flipped(tf.keras.layers.Layer):
    def call(self, t):
        return 1.0 - t / 2.0


class Negated(tf.keras.layers.Layer):
    def call(self, t):
        return -t


class Nested(tf.keras.layers.Layer):
    def __init__(self, inner):
        super().__init__()
        self.inner = inner

    def call(self, t):
        return self.inner(t) * 2.0


class Residual(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(3)

    def call(self, t):
        return self.dense(t) + t


class MadeInside(tf.keras.layers.Layer):
    def call(self, t):
        return tf.keras.layers.Activation("relu")(t) - t


class Net(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(3)

    def call(self, t):
        return self.dense(t) * 2.0


x = tf.keras.Input((3,))
for make in [Scaled, Chain, Unused, Flipped, Negated, Residual, MadeInside, Net]:
    print(make.__name__, make()(x).name)
if not hasattr(tf.keras, "__version__"):
    print(Nested(Chain())(x).name)
shared = Chain()
print(shared(x).name, shared(x + 1.0).name)
print(str(Chain()(x)))
model = tf.keras.Model(x, Chain()(x))
print(model.output.name)
print((x * 2.0).name)
