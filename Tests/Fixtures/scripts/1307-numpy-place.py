# np.place writes values into the positions where a mask is true, in the array itself, taking the
# values in turn and starting over when they run out; they take the array's dtype.
import numpy as np

labels = np.arange(8) % 4
np.place(labels, labels != 1, 0)
print(labels)

grid = np.zeros((2, 3))
np.place(grid, grid == 0, [1.5, -2])
print(grid)

steps = np.arange(6)
np.place(steps, steps > 2, [10, 20.7])
print(steps, steps.dtype)


class Holder:
    def __init__(self):
        self.values = np.linspace(0.0, 1.0, 5)


holder = Holder()
np.place(holder.values, holder.values > 0.5, [9])
batches = [np.ones(3), np.arange(3.0)]
np.place(batches[1], batches[1] < 1, [-1])
print(holder.values, batches)

untouched = np.arange(4)
print(np.place(untouched, untouched > 10, []), untouched)

for mask, values in ((np.ones(5, bool), [1]), (np.ones(4, bool), [])):
    try:
        np.place(untouched, mask, values)
    except ValueError as error:
        print("ValueError:", error)
try:
    np.place([1, 2], [True, False], [3])
except TypeError as error:
    print("TypeError:", error)
