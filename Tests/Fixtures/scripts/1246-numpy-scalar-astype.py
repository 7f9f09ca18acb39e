# NumPy scalars convert with astype as arrays do and stay scalars: a step function written as
# (score >= 0.5).astype(float) over the dot product of two vectors.
import numpy as np


def step(score):
    return (score >= 0.5).astype(float)


weights = np.array([0.75, -0.5])
for point in ([1, 0], [0, 1], [1, 1]):
    score = np.dot(weights, np.array(point)) + 0.25
    print(point, score, step(score), repr(step(score)))

print(repr(np.float64(2.75).astype(np.int32)), repr(np.int64(3).astype("float32")))
print(repr(np.float32(0.1).astype(np.float64)), np.bool_(True).astype(np.uint8) + 1)
