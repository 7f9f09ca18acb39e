# layer.build(shape) before reading weights, a sublayer built inside a custom build(),
# and get_weights / set_weights of a custom layer after its first call.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

dense = layers.Dense(5)
dense.build((None, 7))
print([tuple(w.shape) for w in dense.weights])
print(dense(keras.Input((7,))).shape)


class Gated(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.proj = layers.Dense(units)

    def build(self, input_shape):
        self.proj.build(input_shape)
        self.scale = self.add_weight(
            name="scale", shape=(self.proj.units,), initializer="ones")

    def call(self, x):
        return self.proj(x) * self.scale


g = Gated(2, name="gated")
out = g(keras.Input((3,)))
print(out.shape)
shapes = [w.shape for w in g.get_weights()]
print(shapes)
g.set_weights([np.ones(s, dtype="float32") for s in shapes])
print([float(w.sum()) for w in g.get_weights()])
print(len(g.weights), len(g.trainable_weights))
