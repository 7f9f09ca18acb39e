# Keras 3's math on NumPy data before a model: keras.ops reductions and element functions run
# eagerly on arrays and lists, in Keras 3's dtypes (integers and booleans become float32 for a
# mean or a square root, booleans int32 for a sum; float64 data stays float64).
import numpy as np
from tensorflow import keras

ops = keras.ops

readings = np.array([[0.5, -1.25, 2.0], [4.0, 3.5, -0.75]], dtype="float32")
counts = np.array([[3, 0, 7], [1, 2, 5]])
flags = np.array([True, False, True])
wide = readings.astype("float64")

print(ops.mean(readings), ops.mean(counts), ops.mean(wide))
print(ops.mean(counts, axis=0))
print(ops.sum(counts, axis=1, keepdims=True))
print(ops.sum(flags), ops.prod(flags), ops.square(flags))
print(ops.max(readings, axis=-1), ops.min(counts))
print(ops.std(readings, axis=0, keepdims=True))
print(ops.var(counts))
print(ops.abs(readings))
print(ops.square(counts), ops.negative(counts))
print(ops.sqrt(counts))
print(ops.exp(wide[0]), ops.log(readings[1, :2]))
print(ops.floor(readings), ops.ceil(counts))
print(ops.prod(readings, axis=1))
print(ops.sum([1, 2, 3]), ops.mean(3), ops.mean([1.5, 2.5]))
scaled = ops.convert_to_numpy((readings - ops.mean(readings, axis=0)) / ops.std(readings, axis=0))
print(type(scaled).__name__, scaled.dtype, scaled.round(3))

model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
print(model(scaled).shape)
