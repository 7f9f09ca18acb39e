import random
random.seed(42)
print(random.random(), random.randint(1, 10), random.choice([1, 2, 3]))
print(random.uniform(1, 2), random.gauss(0, 1), random.gauss(0, 1), random.gauss(5, 2))
print(random.normalvariate(), random.normalvariate(1.0, 0.5))

# %%
import random
r = random.Random(1337)
paths = ["images/pet_%d.jpg" % i for i in range(8)]
r.shuffle(paths)
print(paths)
random.Random(1337).shuffle(paths)
print(paths)
print(r.random(), type(r).__name__)

# %%
import random
random.seed(2**70 + 5)
print(random.random(), random.randrange(0, 100, 7), random.randrange(10), random.randrange(10, 0, -3))
print(random.getrandbits(0), random.getrandbits(5), random.getrandbits(40))
random.seed(-7)
a = random.random()
random.seed(7)
print(a == random.random())

# %%
import random
random.seed(0)
print(random.sample(range(100), 5), random.sample(list("abcdefghij"), 10))
print(random.sample(range(1000), 30))
print(random.sample((1, 2, 3), 0))

# %%
import random
random.seed(3)
first = [random.random() for _ in range(3)]
random.seed(3)
print(first == [random.random() for _ in range(3)], random.choice("xyz"), random.choice(range(5, 50, 5)))

# %%
import random
random.choice([])

# %%
import random
random.randint(5, 1)

# %%
import random
random.randrange(0)

# %%
import random
random.randrange(0, 10, 0)

# %%
import random
random.sample({1, 2, 3}, 2)

# %%
import random
random.sample([1, 2], 3)

# %%
import random
random.shuffle((1, 2, 3))

# %%
import random
random.getrandbits(-1)

# %%
import random
random.Random(1, 2)

