# Seeded generators repeat on every run, so their draws print: Python's random after
# random.seed, an explicit random.Random(seed), np.random.default_rng(seed) and a shuffle after
# np.random.seed; and the rows of a seeded model's kernel, iterated and unpacked.
import random

import numpy as np
from tensorflow import keras

random.seed(11)
print(random.random(), random.randint(1, 6), random.choice("abc"))
names = ["ant", "bee", "cat", "dog"]
random.shuffle(names)
print(names, random.sample(range(20), 3))
other = random.Random(4)
print(other.randint(0, 9), round(other.gauss(0, 1), 6))
print(np.random.default_rng(2).integers(0, 10, 4))
np.random.seed(3)
order = np.arange(6)
np.random.shuffle(order)
print(order)

keras.utils.set_random_seed(1)
model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(3)])
kernel = model.get_weights()[0]
for row in kernel:
    print(row)
first, second = kernel
print(list(second))
