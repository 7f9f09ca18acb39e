# The checks course graders run beside the exercises: the exact class of a result
# (`type(result) == EagerTensor`, `ResourceVariable`), isinstance against tf.Tensor and np.ndarray,
# tf.is_tensor, a range check written as one chained comparison, tf.one_hot along axis 0, and the
# truth value of a tensor holding more than one element.
import numpy as np
import tensorflow as tf
from tensorflow.python.framework import ops
from tensorflow.python.framework.ops import EagerTensor
from tensorflow.python.ops.resource_variable_ops import ResourceVariable


def scaled_sum(a, b):
    return tf.add(tf.matmul(a, b), 1.0)


out = scaled_sum(np.ones((2, 3), "float32"), np.ones((3, 1), "float32"))
assert type(out) == EagerTensor, "use TensorFlow operations"
print(EagerTensor, ops.EagerTensor is EagerTensor, EagerTensor.__name__, EagerTensor.__module__)
print(isinstance(out, EagerTensor), isinstance(out, tf.Tensor), isinstance(out, np.ndarray))
print(isinstance(out.numpy(), (np.ndarray, tf.Tensor)), isinstance(out.numpy(), tf.Tensor))
print(tf.is_tensor(out), tf.is_tensor(out.numpy()), tf.is_tensor([1.0]), tf.is_tensor.__name__)

weights = {name: tf.Variable(tf.zeros(shape)) for name, shape in [("W", (4, 2)), ("b", (4, 1))]}
for name, variable in weights.items():
    assert type(variable) == ResourceVariable, "make them with tf.Variable"
    print(name, tuple(variable.shape), isinstance(variable, tf.Variable), isinstance(variable, tf.Tensor),
          isinstance(variable, ResourceVariable), tf.is_tensor(variable))
print(isinstance(out, tf.Variable), isinstance(out, ResourceVariable))

layer = tf.keras.layers.Dense(2)
layer.build((None, 3))
print(tf.is_tensor(layer.kernel), isinstance(tf.keras.Input((3,)), tf.Tensor))


def squash(z):
    return tf.keras.activations.sigmoid(tf.cast(z, tf.float32))


for z, (low, high) in {0: (0.49, 0.51), -1: (0.26, 0.28), 12: (0.9999, 1.0)}.items():
    assert low <= squash(z) <= high, f"sigmoid({z}) out of range"
    print(z, low <= squash(z) <= high, high <= squash(z) <= 2.0, 0 < squash(z) < 1 < 2)

print(tf.one_hot(tf.constant(1), 4, axis=0))
print(tf.reshape(tf.one_hot([2], 4, axis=0), (4,)))
print(tf.one_hot([[0, 2], [1, 1]], 3, axis=1))

for value in [tf.constant([1.0, 2.0]), np.array([]), tf.constant([[True]])]:
    try:
        print(bool(value))
    except ValueError as error:
        print("ValueError:", error)
try:
    print(0.0 < tf.constant([0.5, 2.0]) < 1.0)
except ValueError as error:
    print("ValueError:", error)
