# Python's print() in a tf.function runs while TensorFlow traces a graph: once per new input
# signature (tensors and NumPy arrays by dtype and shape, Python values by equality). Beside it,
# small things scripts around models do: NumPy's scalar classes printed, a float seed, an empty
# array, matplotlib's gray colormap and hidden axes.
import numpy as np
import tensorflow as tf
import matplotlib.pyplot as plt


@tf.function
def step(x):
    print("tracing step")
    return x * 2


print(step(tf.constant(3)))
print(step(np.array(4, dtype=np.int32)))
print(step(tf.constant([1.0, 2.0])))
print(step(5))
print(step(6))

print(np.bool_, np.float32, np.int64)
tf.random.set_seed(2.0)
print(tf.random.uniform([3]))
values = np.empty(shape=0, dtype=float)
print(values, values.shape)
plt.gray()
ax = plt.subplot(1, 2, 1)
ax.get_xaxis().set_visible(False)
ax.get_yaxis().set_visible(False)
plt.close()
