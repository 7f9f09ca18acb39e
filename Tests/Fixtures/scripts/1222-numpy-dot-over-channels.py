# Grayscale images from colour ones with a dot product over the channel axis, and a batch of
# feature rows projected by a weight matrix.
import numpy as np

rgb = np.arange(2 * 2 * 3 * 3, dtype=np.uint8).reshape(2, 2, 3, 3)
gray = np.dot(rgb[..., :3], [0.299, 0.587, 0.114])
print(gray.shape, gray.dtype)
print(gray)
weights = np.array([[1.0, 0.5], [0.25, -1.0], [2.0, 0.0]])
batch = np.linspace(0.0, 1.0, 12).reshape(2, 2, 3)
print(np.dot(batch, weights))
print(np.matmul(batch, weights).shape, (batch @ weights).shape)
floats = np.ones((2, 3, 4), dtype=np.float32)
print(np.dot(floats, np.ones(4, dtype=np.float32) * 0.1))
try:
    np.dot(np.ones((2, 3, 4)), np.ones(3))
except ValueError as error:
    print(error)
