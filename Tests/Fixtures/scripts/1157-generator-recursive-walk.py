# A generator that walks nested layer specs with a recursive helper, yielding each block's depth
# and width: the helper's calls run inside the generator's body (on ConvBook's generator thread).
from tensorflow import keras


def depth(spec):
    return 0 if spec is None else 1 + depth(spec[1])


def widths(spec):
    return [] if spec is None else [spec[0]] + widths(spec[1])


def blocks(specs):
    for spec in specs:
        yield depth(spec), sum(widths(spec))


chain = None
for width in range(120):
    chain = (width % 7 + 1, chain)
print(list(blocks([chain, None, (4, (8, None))])))

model = keras.Sequential([keras.Input((6,))] + [keras.layers.Dense(w) for w in widths((4, (3, None)))])
print([layer.units for layer in model.layers], model.count_params())
