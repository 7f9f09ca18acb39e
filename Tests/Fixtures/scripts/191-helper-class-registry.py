"""A helper class that records blocks, a registry dict of builders, and a decorator."""
from tensorflow import keras
from tensorflow.keras import layers

REGISTRY = {}


def register(name):
    def decorator(builder):
        REGISTRY[name] = builder
        return builder
    return decorator


class BlockCounter:
    def __init__(self, prefix):
        self.prefix = prefix
        self.count = 0

    def next_name(self, kind):
        self.count += 1
        return f"{self.prefix}_{kind}{self.count}"

    def __repr__(self):
        return f"BlockCounter({self.prefix!r}, count={self.count})"


@register("plain")
def plain(x, filters, names):
    return layers.Conv2D(filters, 3, padding="same", activation="relu", name=names.next_name("conv"))(x)


@register("separable")
def separable(x, filters, names):
    return layers.SeparableConv2D(filters, 3, padding="same", activation="relu", name=names.next_name("sep"))(x)


def build(kind, widths=(16, 32)):
    names = BlockCounter(kind[:3])
    inputs = keras.Input(shape=(32, 32, 3))
    x = inputs
    for filters in widths:
        x = REGISTRY[kind](x, filters, names)
        x = layers.MaxPooling2D(name=names.next_name("pool"))(x)
    x = layers.GlobalAveragePooling2D()(x)
    model = keras.Model(inputs, layers.Dense(10)(x), name=f"{kind}_net")
    print(names)
    return model


print(sorted(REGISTRY))
models = {kind: build(kind) for kind in REGISTRY}
for kind, model in models.items():
    print(f"{kind:<10}{model.count_params():>7}")
models["separable"].summary()
