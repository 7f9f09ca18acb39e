# keras.ops inside custom layers' call(): constant tensors made from a shape of numbers
# (ops.ones, ops.zeros, ops.eye), a product over the last axis with a weight matrix written
# as ops.tensordot(x, w, axes=1) (attention-pooling style), and ops.slice with number
# start indices and sizes (-1: to the axis' end).
import numpy as np
from tensorflow import keras

ops = keras.ops
layers = keras.layers


class Scorer(layers.Layer):
    def __init__(self, hidden, **kwargs):
        super().__init__(**kwargs)
        self.hidden = hidden

    def build(self, input_shape):
        self.v = self.add_weight(
            name="v", shape=(input_shape[-1], self.hidden), initializer="ones")
        self.w = self.add_weight(
            name="w", shape=(self.hidden, 1), initializer=keras.initializers.Constant(0.25))

    def call(self, x):
        h = ops.tanh(ops.tensordot(x, self.v, axes=1))
        return ops.softmax(ops.tensordot(h, self.w, axes=1), axis=1)


class Window(layers.Layer):
    def call(self, x):
        middle = ops.slice(x, [0, 1, 0], [-1, 2, -1])
        shift = ops.ones((2, 3)) * 0.5 + ops.zeros((3,))
        return middle + shift + ops.eye(2, 3)


inputs = keras.Input((4, 3), name="bag")
weights = Scorer(5, name="scores")(inputs)
window = Window(name="window")(inputs)
model = keras.Model(inputs, [weights, window], name="pooling")
model.summary()
data = np.linspace(-1.0, 1.0, 24, dtype="float32").reshape(2, 4, 3)
scores, windows = model.predict(data, verbose=0)
print(scores.shape, np.round(scores[:, :, 0], 5))
print(windows.shape, np.round(windows[1], 5))
