# A 2-D sine/cosine position table from keras.ops.meshgrid, then Keras 3's refusal of
# arithmetic between a Keras tensor and a tuple.
import numpy as np
from tensorflow import keras

ops = keras.ops

rows, cols = ops.meshgrid(ops.arange(2), ops.arange(3), indexing="ij")
print(rows)
print(cols)
across = ops.meshgrid(ops.arange(4), ops.arange(2))
print(type(across).__name__, len(across), across[0].shape, across[1].dtype)


def grid_table(height, width, depth, base=100):
    ys, xs = ops.meshgrid(ops.arange(height), ops.arange(width), indexing="xy")
    rates = 1.0 / (base ** (ops.arange(depth // 4) / (depth // 4 - 1)))
    rates = ops.cast(rates, "float32")
    ys = ops.expand_dims(ops.reshape(ops.cast(ys, "float32"), [-1]), 1) * ops.expand_dims(rates, 0)
    xs = ops.expand_dims(ops.reshape(ops.cast(xs, "float32"), [-1]), 1) * ops.expand_dims(rates, 0)
    return ops.concatenate([ops.sin(xs), ops.cos(xs), ops.sin(ys), ops.cos(ys)], axis=1)


table = grid_table(3, 2, 8)
print(table.shape)
print(np.round(ops.convert_to_numpy(table), 5))

tokens = keras.Input(shape=(6, 8))
placed = tokens + table
print(placed.shape)
for offset in [(0.5, 0.5), [1.0]]:
    try:
        tokens * offset
    except ValueError as error:
        print("refused:", error)
shifted = tokens - (1, 2)
