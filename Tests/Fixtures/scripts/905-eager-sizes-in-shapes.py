# Spatial-reduction attention computes the side of its token grid eagerly from a static length
# (sqrt, then cast to int32) and builds and reshapes with it: Keras takes a 0-d integer tensor as
# the size it holds.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

ops = keras.ops


class ReducedTokens(layers.Layer):
    def __init__(self, dim, ratio, **kwargs):
        super().__init__(**kwargs)
        self.dim = dim
        self.ratio = ratio
        self.sr = layers.Conv2D(dim, ratio, strides=ratio, name="sr")
        self.norm = layers.LayerNormalization(epsilon=1e-5, name="norm")

    def build(self, input_shape):
        side = ops.cast(ops.sqrt(ops.cast(input_shape[1], "float32")), "int32")
        print("side:", side)
        self.sr.build((input_shape[0], side, side, self.dim))
        reduced = (side // self.ratio) * (side // self.ratio)
        self.norm.build((input_shape[0], reduced, self.dim))
        self.side = side

    def call(self, x):
        grid = ops.reshape(x, (-1, self.side, self.side, self.dim))
        grid = self.sr(grid)
        tokens = ops.reshape(grid, (-1, (self.side // self.ratio) ** 2, self.dim))
        return self.norm(tokens)


keras.utils.set_random_seed(5)
tokens = keras.Input(shape=(16, 6))
reduced = ReducedTokens(6, 2)(tokens)
print(reduced.shape)
model = keras.Model(tokens, reduced)
model.summary()
data = np.linspace(-1.0, 1.0, 2 * 16 * 6, dtype="float32").reshape(2, 16, 6)
print(np.round(model.predict(data, verbose=0)[1, :2], 4))
