# Generators that hand out layer widths and mini-batches lazily, as data-loading helpers in model
# scripts do; the widths build the model, the batches are only counted.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


def widths(start, stop):
    width = start
    while width <= stop:
        print("next width", width)
        yield width
        width *= 2
    return "no more"


def batches(x, size):
    for begin in range(0, len(x), size):
        yield x[begin : begin + size]


def chained(*sources):
    for source in sources:
        yield from source


plan = widths(8, 64)
print(type(plan).__name__, next(plan))
model = keras.Sequential([keras.Input(shape=(12,))])
for units in plan:
    model.add(layers.Dense(units, activation="relu"))
model.add(layers.Dense(1))
try:
    next(plan)
except StopIteration as stop:
    print("stopped", repr(str(stop)))

data = np.arange(30.0).reshape(10, 3)
sizes = [len(batch) for batch in batches(data, 4)]
print(sizes, list(chained([1, 2], map(str, range(2)), zip("ab", "cd"))))
squares = (i * i for i in range(4))
print(sum(filter(lambda v: v % 2 == 0, squares)))
model.summary()
