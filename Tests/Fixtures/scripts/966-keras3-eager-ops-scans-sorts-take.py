# Keras 3's keras.ops on arrays outside a model, as schedules, samplers and metrics use them:
# running sums and products (flattened without an axis, booleans counted as int32, TensorFlow's
# ScanOp error for an axis out of range), flip, sort and argsort (ties keep their order), isnan,
# top_k, take (negative indices from the end, GatherV2's error past the end), repeat, full and
# dtype; a float32 schedule from 1e-4 prints positionally, as NumPy 2 compares in float32.
import numpy as np
from tensorflow import keras

ops = keras.ops


def attempt(label, make):
    try:
        print(label, make())
    except Exception as error:
        print(label, type(error).__name__, error)


scores = np.array([[0.2, 1.5, -0.5, 0.9], [2.0, -1.0, 0.0, 0.25]], dtype="float32")
attempt("cumsum rows:", lambda: ops.cumsum(scores, axis=1))
attempt("cumsum flat:", lambda: ops.cumsum(scores))
attempt("cumsum mask:", lambda: ops.cumsum(np.array([True, True, False, True])))
attempt("cumsum ints as floats:", lambda: ops.cumsum([4, 1, 2], dtype="float32"))
attempt("cumprod columns:", lambda: ops.cumprod(scores, axis=0))
attempt("cumprod axis 3:", lambda: ops.cumprod(scores, axis=3))
attempt("cumsum axis -4:", lambda: ops.cumsum(scores, axis=-4))
attempt("flip:", lambda: ops.flip(scores, axis=1))
attempt("flip all:", lambda: ops.flip(np.arange(6).reshape(2, 3)))
attempt("flip axis 5:", lambda: ops.flip(scores, axis=5))
attempt("sort:", lambda: ops.sort(scores))
attempt("sort columns:", lambda: ops.sort(scores, axis=0))
attempt("sort flat:", lambda: ops.sort(scores, axis=None))
attempt("argsort ties:", lambda: ops.argsort(np.array([3, 1, 3, 1, 2])))
attempt("isnan:", lambda: ops.isnan(np.array([0.5, np.nan, np.inf])))
attempt("isnan ints:", lambda: ops.isnan(np.array([[1, 2]])))
best = ops.top_k(scores, k=2)
print(best.values)
print(best.indices)
values, indices = ops.top_k([0.1, 0.7, 0.2], 1)
print(ops.convert_to_numpy(values), ops.convert_to_numpy(indices))
attempt("take:", lambda: ops.take(scores, 6))
attempt("take last:", lambda: ops.take(scores, [-1, 0], axis=1))
attempt("take rows:", lambda: ops.take(scores, [[1], [0]], axis=0))
attempt("take past:", lambda: ops.take(scores, [0, 4], axis=1))
attempt("take flat past:", lambda: ops.take(scores, 8))
attempt("repeat:", lambda: ops.repeat(scores, 2, axis=0))
attempt("repeat flat:", lambda: ops.repeat(np.array([[1, 2]]), [3, 1]))
attempt("repeat axis 2:", lambda: ops.repeat(scores, 2, axis=2))
attempt("full:", lambda: ops.full((2, 3), 7))
attempt("full float64:", lambda: ops.full((2,), -np.inf, dtype="float64"))
print(ops.dtype(scores), ops.dtype(ops.cumsum([1, 2])), ops.dtype(np.arange(3)))
attempt("dtype of a list:", lambda: ops.dtype([1.0, 2.0]))
betas = ops.linspace(1e-4, 0.02, 6)
print(betas)
print(ops.cumprod(1.0 - betas))
print(np.array([1e-4, 0.1], dtype="float32"), np.array([1e-4, 0.05], dtype="float32"))
