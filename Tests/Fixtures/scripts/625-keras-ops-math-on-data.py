# Keras 3's math in keras.ops on NumPy arrays and Python floats runs at once and gives
# TensorFlow's eager tensors: normalising a batch by hand, a softmax, clipping, comparisons.
import numpy as np
from tensorflow import keras

ops = keras.ops
batch = np.linspace(-1.0, 2.0, 12, dtype="float32").reshape(3, 4)
print(ops.sqrt(ops.abs(batch)))
centre = ops.mean(batch, axis=0, keepdims=True)
spread = ops.std(batch, axis=0) if hasattr(ops, "nothing") else ops.max(batch, axis=0)
print(centre, spread)
print(ops.subtract(batch, centre) / 2.0)
print(ops.sum(batch), ops.min(batch, axis=1), ops.prod(batch[:, :2], axis=-1))
print(ops.clip(batch, 0.0, 1.0))
print(ops.greater(batch, 0.5), ops.maximum(batch, 0.0))
print(ops.exp(1.0), ops.square(batch), ops.multiply(2, batch))
doubles = np.arange(4, dtype="float64")
print(ops.add(doubles, 0.5), ops.log1p(doubles), ops.round(doubles / 3.0))
print(ops.eye(2), ops.eye(2, 3))
print(ops.negative(ops.convert_to_tensor(batch))[0], ops.relu(batch - 1.0)[2])
