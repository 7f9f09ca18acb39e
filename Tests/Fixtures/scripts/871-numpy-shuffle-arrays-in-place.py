# np.random.shuffle of NumPy arrays, in place, with the legacy generator's draws (rows of a
# matrix move together), through a name, an attribute, a list item and a RandomState; and the
# small array helpers np.atleast_1d/2d/3d and np.insert.
import numpy as np

np.random.seed(7)
table = np.arange(10).reshape(5, 2)
np.random.shuffle(table)
print(table)
values = np.linspace(0.0, 1.0, 6)
np.random.shuffle(values)
print(values)


class Holder:
    pass


holder = Holder()
holder.data = np.arange(6, dtype=np.float32)
np.random.shuffle(holder.data)
print(holder.data, holder.data.dtype)
batches = [np.arange(4), np.arange(3)]
np.random.shuffle(batches[1])
print(batches)
generator = np.random.RandomState(11)
order = np.arange(8)
generator.shuffle(order)
print(order, np.random.randint(100))

print(np.atleast_2d([1, 2, 3]), np.atleast_2d(np.ones((2, 2))).shape)
print(np.atleast_2d(4.5), np.atleast_1d(4.5), np.atleast_3d([1, 2]).shape)
print(np.atleast_3d(np.zeros((3, 4))).shape)
print(np.insert(np.arange(3, dtype=np.float32), 0, 0))
print(np.insert([5, 6, 7], -1, [8, 9]), np.insert(np.eye(2), 1, 3))
print(np.insert(np.arange(3), 3, 2.7))
try:
    np.insert(np.arange(3), 4, 1)
except IndexError as error:
    print(error)
