# Basic indexing makes a view in NumPy: writing into the view writes into the array it was made
# from. The pattern of a convolution's backward pass written by hand: one sample's padded gradient
# taken as a view, windows added into it, the base read afterwards.
import numpy as np


def backward(dz, weights, pad):
    samples, rows, cols, _ = dz.shape
    size = weights.shape[0]
    padded = np.zeros((samples, rows + size - 1, cols + size - 1, weights.shape[2]))
    for i in range(samples):
        one = padded[i]
        for h in range(rows):
            for w in range(cols):
                for c in range(weights.shape[3]):
                    one[h:h + size, w:w + size, :] += weights[:, :, :, c] * dz[i, h, w, c]
    return padded, padded[:, pad:-pad, pad:-pad, :]


np.random.seed(3)
dz = np.random.randn(2, 3, 3, 2)
weights = np.random.randn(2, 2, 3, 2)
padded, inner = backward(dz, weights, 1)
print(padded.shape, inner.shape)
print(np.round(padded[1, :, :, 0], 4))
print(round(float(np.mean(inner)), 10))

# At the top level too: one view at a time, of a row, of a reversed slice of it, of a column.
grid = np.arange(12.0).reshape(3, 4)
view = grid[1]
view[1:3] = -1.0
print(view)
view = grid[1, ::-1][:2]
view += 100
print(view)
view = grid[:, 0]
view *= 2
print(view, view.dtype)
print(grid)
