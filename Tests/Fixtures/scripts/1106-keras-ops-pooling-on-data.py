# keras.ops.max_pool / average_pool on NumPy arrays and eager tensors run at once: strides default
# to the pool size, "same" keeps ceil(size / stride) positions, "valid" the whole windows (none
# when the window is larger than the axis). channels_first data is transposed to channels last
# and back, whatever its axes hold. tf-keras has no keras.ops.
import numpy as np
from tensorflow import keras

images = (np.arange(2 * 6 * 7 * 3) % 17).astype("float32").reshape(2, 6, 7, 3) / 4
pooled = keras.ops.max_pool(images, 2)
print(pooled.shape, pooled.dtype)
print(keras.ops.convert_to_numpy(pooled)[0, :, :, 0])
same = keras.ops.max_pool(images, pool_size=3, strides=1, padding="same")
print(same.shape, keras.ops.convert_to_numpy(same)[1, :2, :3, 2].tolist())
average = keras.ops.average_pool(keras.ops.convert_to_tensor(images), (2, 3), strides=(2, 2))
print(average.shape, keras.ops.convert_to_numpy(average)[0, :, :, 1].tolist())
average_same = keras.ops.average_pool(images, 3, strides=2, padding="same")
print(average_same.shape, keras.ops.convert_to_numpy(average_same)[0, :, :, 0].tolist())
first = keras.ops.max_pool(images, 2, data_format="channels_first")
print(first.shape, keras.ops.convert_to_numpy(first)[0, 0].tolist())
print(keras.ops.max_pool(images[:, :2], 3).shape)
# A peak mask: the cells equal to their 3x3 neighbourhood's maximum.
heat = images[..., :1]
peaks = keras.ops.cast(keras.ops.equal(heat, keras.ops.max_pool(heat, 3, 1, "same")), "float32")
print(int(keras.ops.sum(peaks)))
