# Attention code splits heads with keras.ops.swapaxes: in a custom layer's call, on a Keras tensor
# of the model and inside a Lambda.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

ops = keras.ops


class Heads(layers.Layer):
    def __init__(self, heads, **kwargs):
        super().__init__(**kwargs)
        self.heads = heads
        self.proj = layers.Dense(8)

    def call(self, x):
        b, n, c = ops.shape(x)
        x = self.proj(x)
        x = ops.reshape(x, (-1, n, self.heads, 8 // self.heads))
        x = ops.swapaxes(x, 1, 2)
        return ops.swapaxes(x, -1, -2)


keras.utils.set_random_seed(3)
x_in = keras.Input((5, 4))
y = Heads(2)(x_in)
z = ops.swapaxes(x_in, 1, 2)
w = layers.Lambda(lambda t: ops.swapaxes(t, 0, 2))(x_in)
print(y.shape, z.shape, w.shape)
model = keras.Model(x_in, [y, z])
model.summary()
data = np.arange(40, dtype="float32").reshape(2, 5, 4) / 10
out = model.predict(data, verbose=0)
print(out[0].shape, np.round(out[0][0, 1, :, 0], 4), out[1][1, 2])
