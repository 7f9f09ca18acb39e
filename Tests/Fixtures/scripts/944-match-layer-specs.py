# A model described by a list of layer specs and built with `match`: strings, tuples, dicts,
# dataclass and namedtuple class patterns, guards, or-patterns, captures and `*rest`.
import collections
from dataclasses import dataclass
from tensorflow import keras


@dataclass
class Block:
    filters: int
    kernel: int = 3
    pool: bool = False


Head = collections.namedtuple("Head", "units activation")


def make_layers(spec):
    match spec:
        case "flatten" | "flat":
            return [keras.layers.Flatten()]
        case "dropout" | ("dropout", None):
            return [keras.layers.Dropout(0.5)]
        case ("dropout", float(rate)) if 0 < rate < 1:
            return [keras.layers.Dropout(rate)]
        case ("dropout", rate):
            raise ValueError(f"bad dropout rate {rate!r}")
        case Block(filters=f, kernel=k, pool=True):
            return [keras.layers.Conv2D(f, k, activation="relu"), keras.layers.MaxPooling2D()]
        case Block(f, k):
            return [keras.layers.Conv2D(f, k, activation="relu")]
        case Head(units, None):
            return [keras.layers.Dense(units)]
        case Head(units=u, activation=str(act)):
            return [keras.layers.Dense(u, activation=act)]
        case {"type": "dense", "units": int(units), **extra}:
            return [keras.layers.Dense(units, **extra)]
        case [first, *rest]:
            return make_layers(first) + [layer for item in rest for layer in make_layers(item)]
        case []:
            return []
        case _:
            raise TypeError(f"unknown spec {spec!r} ({type(spec).__name__})")


specs = [
    Block(8, pool=True),
    [Block(16), Block(16, 1, True)],
    "flat",
    ("dropout", 0.25),
    {"type": "dense", "units": 32, "activation": "relu", "name": "hidden"},
    "dropout",
    [],
    Head(10, None),
    Head(10, "softmax"),
]
model = keras.Sequential([keras.Input((28, 28, 1))])
for spec in specs:
    for layer in make_layers(spec):
        model.add(layer)
print([layer.__class__.__name__ for layer in model.layers])
print(model.output_shape, model.count_params())

for bad in [("dropout", 2.0), ("dropout", "x"), 42, {"type": "dense"}]:
    try:
        make_layers(bad)
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)


def describe(shape):
    match shape:
        case (None, n):
            return f"vector of {n}"
        case (None, h, w, c) if h == w:
            return f"square {h}x{w} image, {c} channels"
        case (None, *dims):
            return f"{len(dims)}-d tensor"
        case _:
            return "no batch axis"


for layer in model.layers[:3]:
    print(layer.name, describe(tuple(layer.output.shape)))
print(describe((2, 3)))

match model.layers[-1]:
    case keras.layers.Dense(units=10) as last:
        print("classifier head", last.name)
    case other:
        print("something else", other.name)

count = 0
for value in [0, 1, 2.0, True, None, "3", [4], (5, 6)]:
    match value:
        case bool():
            kind = "bool"
        case 0 | 1:
            kind = "small int"
        case int() | float():
            kind = "number"
        case None:
            kind = "nothing"
        case [x] | (x, _):
            kind = f"holds {x}"
        case _:
            kind = "other"
    count += 1
    print(repr(value), kind)
print(count, x)
