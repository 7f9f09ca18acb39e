# np.append grows arrays the way loops in data-preparation code do: without an axis both
# operands are flattened; with one, it is np.concatenate's rules.
import numpy as np

grown = np.empty(shape=0, dtype=float)
for step in range(4):
    grown = np.append(grown, step * 0.25)
print(grown, grown.dtype)

counts = np.array([3, 1, 4], dtype=np.int32)
print(np.append(counts, [1, 5]), np.append(counts, [1, 5]).dtype)
print(np.append(counts, 2.5))
print(np.append(np.array([200], dtype=np.uint8), np.uint8(7)).dtype, np.append(np.uint8(9), [1.5]))
print(np.append([[1, 2], [3, 4]], [[5, 6]]))
print(np.append([[1, 2], [3, 4]], [[5, 6]], axis=0))
print(np.append(np.ones((2, 2), dtype=np.float32), np.zeros((2, 1)), axis=1))
print(np.append([], [7, 8]), np.append([True], [False]).dtype)
print(np.append(np.arange(3), np.array([[9]])).shape)

try:
    np.append([[1, 2], [3, 4]], [5, 6], axis=0)
except ValueError as error:
    print("ValueError:", error)
try:
    np.append([[1, 2]], [[5, 6, 7]], axis=0)
except ValueError as error:
    print("ValueError:", error)
try:
    np.append([1, 2], [3], axis=1)
except Exception as error:
    print(type(error).__name__ + ":", error)
try:
    np.append([1, 2])
except TypeError as error:
    print("TypeError:", error)
