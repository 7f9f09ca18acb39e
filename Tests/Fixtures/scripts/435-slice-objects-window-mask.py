# slice() objects index lists, strings and arrays as `a:b:c` does; a shifted-window attention
# mask built from them is float64, and the Python numbers beside it take that dtype.
import numpy as np
import tensorflow as tf

part = slice(1, 5, 2)
print(part, repr(slice(3)), part.start, part.stop, part.step, part == slice(1, 5, 2))
print(list(range(8))[part], "window"[slice(2)], (1, 2, 3)[slice(None, None, -1)])
size, window, shift = 6, 3, 1
regions = np.zeros((1, size, size, 1))
bands = (slice(0, -window), slice(-window, -shift), slice(-shift, None))
label = 0
for rows in bands:
    for columns in bands:
        regions[:, rows, columns, :] = label
        label += 1
print(regions[0, :, :, 0])
flat = tf.reshape(tf.convert_to_tensor(regions), [-1, size * size])
pairs = tf.expand_dims(flat, 1) - tf.expand_dims(flat, 2)
mask = tf.where(tf.not_equal(pairs, 0), -100.0 * tf.ones_like(pairs), pairs)
mask = tf.where(mask == 0, 0.0, mask)
print(mask.dtype, mask.shape, int(tf.reduce_sum(tf.cast(mask < 0, tf.int32))))
print(tf.where(tf.constant([1, 0]) > 0, 1.5, 2.5), tf.equal(0, tf.constant([0.0, 0.5], tf.float64)))
try:
    slice()
except TypeError as error:
    print(error)
