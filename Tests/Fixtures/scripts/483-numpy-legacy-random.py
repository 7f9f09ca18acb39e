# A seeded NumPy legacy generator draws NumPy's own numbers: integers, choices and permutations.
import numpy as np

np.random.seed(42)
print(np.random.randint(10), np.random.randint(5, 100, size=4), np.random.randint(0, 2**40, size=2))
print(np.random.choice(5), repr(np.random.choice([3, 4, 5])), np.random.choice(10, 3))
print(np.random.choice(10, 4, replace=False), np.random.choice(4, 6, p=[0.1, 0.2, 0.3, 0.4]))
print(np.random.permutation(7), np.random.permutation(np.arange(6).reshape(3, 2)))
order = list(range(8))
np.random.shuffle(order)
print(order, np.random.rand(2), np.random.randint(3, size=(2, 2), dtype=np.int32))
indices = np.random.permutation(10)
x = np.arange(10) * 10
print(x[indices[:3]], x[indices][-1])
