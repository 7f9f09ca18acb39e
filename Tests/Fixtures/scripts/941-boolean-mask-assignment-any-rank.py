# Boolean masks of the leading axes assign elementwise, whatever the array's rank: a column of
# labels turned into 0/1, a 2-D integer grid, float32 values (the dtype stays), a 3-D array, a
# mask of the first axis with whole rows, and a row of values given for the selected positions.
import numpy as np

labels = np.array([[0.7], [-0.2], [0.0], [1.5]])
labels[labels > 0] = True
labels[labels <= 0] = False
print(labels)

grid = np.arange(12).reshape(3, 4)
grid[grid % 3 == 0] = -1
print(grid)

values = np.arange(6, dtype=np.float32).reshape(2, 3)
values[values > 2] = 0.25
print(values, values.dtype)

cube = np.arange(8.0).reshape(2, 2, 2)
cube[cube >= 4] = 9
print(cube)

rows = np.zeros((3, 2))
rows[np.array([True, False, True])] = [1, 2]
print(rows)

pairs = np.arange(6).reshape(2, 3)
pairs[pairs > 2] = np.array([10, 20, 30])
print(pairs)

first = np.arange(6).reshape(3, 2)
first[first[:, 0] > 1] = 0
print(first)
