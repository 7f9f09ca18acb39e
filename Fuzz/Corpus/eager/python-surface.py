import random
from dataclasses import dataclass, field

@dataclass
class Config:
    units: int = 8
    rates: list = field(default_factory=lambda: [0.1, 0.2])

def batches(items, size):
    for start in range(0, len(items), size):
        yield items[start:start + size]

random.seed(3)
data = [random.randint(0, 9) for _ in range(10)]
random.shuffle(data)
print(Config(), Config(units=4) == Config(4), list(batches(data, 4)), random.choice(data))
gen = (x * x for x in range(5))
print(next(gen), sum(gen), sorted(data, key=lambda v: -v)[:3], random.random() < 1)
