"""Sorting layers with operator.attrgetter and pruning lists with stepped slices: `del items[::2]`,
`items[::2] = ...`, a bool and a NumPy integer as the index, and the errors Python gives."""
from operator import attrgetter, itemgetter

import numpy as np
from tensorflow import keras

stack = [keras.layers.Dense(units, name=f"fc{units}") for units in (48, 8, 32, 16, 24, 4)]
by_name = sorted(stack, key=attrgetter("name"))
print([layer.name for layer in by_name])
by_units = sorted(stack, key=attrgetter("units"), reverse=True)
print([layer.units for layer in by_units])
both = attrgetter("name", "units")
print([both(layer) for layer in stack[:2]])
print(attrgetter("__class__.__name__")(stack[0]), attrgetter("units"))

widths = [layer.units for layer in stack]
del widths[::2]
print(widths)
widths = list(range(10))
del widths[8:1:-3]
print(widths)
del widths[True]
print(widths)
del widths[np.int64(0)]
print(widths)
widths[::2] = [100, 200, 300]
print(widths)
widths[::-1] = "abcde"
print(widths)

kept = [layer for layer in stack]
del kept[1::2]
model = keras.Sequential([keras.Input((12,))] + kept, name="pruned")
model.summary()
print(sorted(((l.name, l.count_params()) for l in model.layers), key=itemgetter(1)))

for attempt in ("extended", "index", "huge", "getter", "call"):
    try:
        if attempt == "extended":
            widths[::2] = [1]
        elif attempt == "index":
            del widths["0"]
        elif attempt == "huge":
            del widths[2**70]
        elif attempt == "getter":
            attrgetter(7)
        else:
            attrgetter("name")(stack[0], stack[1])
    except (ValueError, TypeError, IndexError) as error:
        print(attempt, type(error).__name__, error)
print(attrgetter("missing")(stack[0]))
