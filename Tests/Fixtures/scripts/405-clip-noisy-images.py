"""Adding noise to images and clipping the result back into [0, 1]."""
import numpy as np

images = (np.arange(12, dtype="float32") / 11.0).reshape(3, 4)
noisy = images + (np.arange(12, dtype="float32").reshape(3, 4) - 5.5) * 0.125
clipped = np.clip(noisy, 0., 1.)
print(clipped.dtype, clipped)
print(np.clip(np.arange(6), 1, 4), np.clip(np.arange(6), 1.5, None), np.clip(np.arange(6), None, 3))
np.clip(np.arange(3), None, None)
