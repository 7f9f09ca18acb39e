# A Sequential model that knows its input is mapped as a graph as well, by the same recursive walk
# from its last layer back to the input, so its layers and the frames already in use share Python's
# recursion limit: called from deep inside a recursion, a few hundred layers are too many.
from tensorflow import keras


def sequential(count):
    return keras.Sequential([keras.Input((2,))] + [keras.layers.Dense(2) for _ in range(count)])


def attempt(count):
    try:
        return len(sequential(count).layers)
    except RecursionError as error:
        return f"{count} layers: {type(error).__name__}: {error}"


def at_depth(depth, count):
    if depth > 1:
        return at_depth(depth - 1, count)
    return attempt(count)


for count in (282, 283, 284, 285, 286):
    print(at_depth(700, count))
print(at_depth(900, 83), at_depth(900, 86))
print(attempt(50))
