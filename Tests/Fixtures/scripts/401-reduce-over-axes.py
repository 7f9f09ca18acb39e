"""Per-channel statistics of a batch of images: reductions over a tuple of axes."""
import numpy as np

images = (np.arange(2 * 3 * 3 * 2, dtype="float32") * 0.37).reshape(2, 3, 3, 2)
print(np.mean(images, axis=(0, 1, 2)))
print(np.sum(images, axis=(1, 2)).shape, np.max(images.astype("float64"), axis=(0, 1, 2, 3)))
print(images.min(axis=(2, 3)))
print(float(np.mean(images, axis=(0, 1, 2, 3))), float(np.mean(images)))
print(np.sum(np.arange(6).reshape(2, 3), axis=(0, 1)), np.sum(np.arange(6).reshape(2, 3), axis=(-1, 0)))
for axes in [(0, 0), (0, 4)]:
    try:
        np.sum(images, axis=axes)
    except Exception as error:
        print(error)
