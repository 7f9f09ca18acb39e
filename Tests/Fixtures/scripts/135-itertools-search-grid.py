"""Sweep a few CNN widths and depths, then report the sizes in a small table."""
import itertools

from tensorflow import keras
from tensorflow.keras import layers

WIDTHS = [8, 16]
DEPTHS = [1, 2, 3]


def make_cnn(width, depth, name):
    inputs = keras.Input(shape=(28, 28, 1))
    x = inputs
    for level in range(depth):
        x = layers.Conv2D(width * 2**level, 3, padding="same", activation="relu")(x)
        x = layers.MaxPooling2D()(x)
    x = layers.Flatten()(x)
    outputs = layers.Dense(10, activation="softmax")(x)
    return keras.Model(inputs, outputs, name=name)


sizes = {}
for index, (width, depth) in enumerate(itertools.product(WIDTHS, DEPTHS)):
    model = make_cnn(width, depth, name=f"grid_{index}")
    sizes[(width, depth)] = model.count_params()

print(f"{'width':>5} | {'depth':>5} | {'params':>8}")
for (width, depth), params in sorted(sizes.items(), key=lambda item: item[1]):
    print(f"{width:>5} | {depth:>5} | {params:>8,}")

pairs = list(itertools.combinations(sorted(sizes), 2))
print(len(pairs), "pairs; first", pairs[0], "last", pairs[-1])
closest = min(pairs, key=lambda pair: abs(sizes[pair[0]] - sizes[pair[1]]))
print("closest sizes:", closest)
layer_names = list(itertools.chain.from_iterable(
    [layer.name for layer in make_cnn(4, d, name=f"tiny_{d}").layers[1:3]] for d in (1, 2)))
print(layer_names)
for step, width in zip(itertools.count(1), itertools.islice(itertools.cycle(WIDTHS), 5)):
    print(step, width, end="; ")
print()
running = list(itertools.accumulate(sizes[key] for key in sorted(sizes)))
print(running[-1] == sum(sizes.values()), running[:2])
