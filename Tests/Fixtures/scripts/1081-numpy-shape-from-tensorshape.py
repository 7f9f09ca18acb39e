# NumPy takes a layer weight's shape as an array shape: a mask the size of a convolution's kernel.
import numpy as np
from tensorflow.keras import layers

conv = layers.Conv2D(6, 5)
conv.build((None, 12, 12, 3))
mask = np.zeros(shape=conv.kernel.shape)
mask[: 5 // 2, :, :, :] = 1.0
print(mask.shape, mask.sum())
print(np.ones(conv.bias.shape).sum())
try:
    np.zeros(conv.output.shape if hasattr(conv, "output") else (None, 2))
except Exception as error:
    print(type(error).__name__)
