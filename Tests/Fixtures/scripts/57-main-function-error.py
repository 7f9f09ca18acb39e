from tensorflow import keras
from tensorflow.keras import layers

LAYER_SPECS = [
    {"type": "conv", "filters": 8, "kernel": 3},
    {"type": "pool"},
    {"type": "conv", "filters": 16, "kernel": 3},
    {"type": "dense", "units": 10},
    {"type": "dropuot", "rate": 0.2},
]


def make_layer(spec):
    kind = spec["type"]
    if kind == "conv":
        return layers.Conv2D(spec["filters"], spec["kernel"], activation="relu")
    if kind == "pool":
        return layers.MaxPooling2D()
    if kind == "dense":
        return layers.Dense(spec["units"])
    raise ValueError("unknown layer type %r" % kind)


def build(specs, input_shape=(16, 16, 1)):
    model = keras.Sequential([keras.Input(shape=input_shape)])
    for spec in specs:
        model.add(make_layer(spec))
    return model


def main():
    model = build(LAYER_SPECS[:4])
    model.summary()
    build(LAYER_SPECS)


if __name__ == "__main__":
    main()
