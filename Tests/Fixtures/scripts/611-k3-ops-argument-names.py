# keras.ops take Keras 3's own argument names (axes=, xs=, x_min=, newshape=, x1=/x2=,
# interpolation=), and ops.concatenate joins on axis 0 unless told otherwise.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

ops = keras.ops

tokens = keras.Input((6, 4), name="tokens")
print(ops.transpose(tokens, axes=(0, 2, 1)).shape)
print(ops.concatenate([tokens, tokens]).shape)
print(ops.concatenate(xs=[tokens, tokens], axis=-1).shape)
print(ops.clip(tokens, x_min=-1.0, x_max=1.0).shape)
print(ops.reshape(tokens, newshape=(-1, 24)).shape)
print(ops.matmul(x1=tokens, x2=ops.transpose(tokens, (0, 2, 1))).shape)
print(ops.add(x1=tokens, x2=tokens).shape, ops.power(x1=tokens, x2=2.0).shape)
print(ops.expand_dims(tokens, axis=1).shape, ops.squeeze(ops.expand_dims(tokens, 1), axis=1).shape)
picture = keras.Input((12, 12, 3))
print(ops.image.resize(picture, (6, 6), interpolation="nearest").shape)

grid = np.arange(6, dtype="float32").reshape(2, 3)
print(ops.concatenate([grid, grid]).shape, ops.concatenate([grid, grid], axis=1).shape)


class SwapMix(layers.Layer):
    def call(self, x):
        swapped = ops.transpose(x, axes=[0, 2, 1])
        mixed = ops.matmul(x1=x, x2=swapped)
        return ops.concatenate([mixed, mixed], axis=-1)


mixed = SwapMix(name="swap_mix")(tokens)
model = keras.Model(tokens, mixed)
model.summary()
print(model.predict(np.ones((2, 6, 4), "float32"), verbose=0)[0, 0, :3])

try:
    ops.transpose(tokens, perm=(0, 2, 1))
except TypeError as error:
    print("TypeError:", error)
