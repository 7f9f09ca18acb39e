# keras.ops.array is convert_to_tensor on the TensorFlow backend (ints int32, floats float32,
# a float64 NumPy array kept float64), and keras.ops.divide_no_nan gives 0 where the divisor is
# 0: an IoU of boxes that do not overlap, computed eagerly. tf-keras has no keras.ops.
import numpy as np
from tensorflow import keras

ops = keras.ops
widths = ops.array([2.0, 0.0, 1.5])
print(widths, ops.array([1, 2, 3]).dtype, ops.array(np.array([0.25, 0.5])).dtype)
intersection = ops.array([1.0, 0.0, 0.75])
union = ops.array([3.0, 0.0, 2.25])
print(ops.divide_no_nan(intersection, union))
print(ops.divide_no_nan(intersection, 0.0))
print(ops.array([[1, 2], [3, 4]], dtype="float32"))
