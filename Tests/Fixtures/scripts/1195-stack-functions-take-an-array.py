# NumPy's stack functions read an array as the sequence of its rows: a batch of small images
# laid side by side with np.hstack, a grid of them stacked with np.vstack, np.stack of an array
# (a copy, or the rows joined along another axis). A 0-d array is not iterable.
import numpy as np

batch = np.arange(2 * 3 * 4 * 2).reshape(2, 3, 4, 2)
side_by_side = np.hstack(batch)
print(side_by_side.shape)
print(side_by_side[:, :, 0])

grid = np.arange(4 * 2 * 3).reshape(2, 2, 2, 3)
tiles = np.vstack([np.hstack(row) for row in grid])
print(tiles.shape)
print(tiles)

print(np.vstack(np.arange(6).reshape(2, 3)).shape)
print(np.vstack(np.arange(4)))
print(np.hstack(np.arange(4)))
print(np.stack(np.arange(6).reshape(3, 2), axis=1))
print(np.stack(np.ones((2, 2, 2), dtype="uint8")).dtype)

for join in (np.stack, np.vstack, np.hstack):
    try:
        join(np.array(7))
    except TypeError as error:
        print(join.__name__, "TypeError:", error)
