# Integer arrays hold exact values beyond float32's 2**24, and wrap around where NumPy's do.
import numpy as np

ids = np.arange(2**30, 2**30 + 4)
print(ids, ids.dtype, ids * 4, ids.sum(), repr(ids[-1]))
steps = np.cumsum(np.full(5, 123456789))
print(steps, steps[-1] % 1000, np.diff(steps))
counts = np.bincount(np.array([3, 1, 3, 0, 3]), minlength=6)
print(counts, counts.dtype, np.argsort(-counts, kind="stable")[:2])

small = np.array([2**31 - 2, 7], dtype=np.int32)
print(small + 1, small + 2, (small * 3).dtype)
pixels = np.array([250, 5], dtype=np.uint8)
print(pixels + pixels, pixels.astype(np.int32) + 10, np.array([300, -2]).astype(np.uint8))
try:
    print(pixels + 300)
except OverflowError as error:
    print("OverflowError:", error)
