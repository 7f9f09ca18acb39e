"""A config dict drives a builder; defaults merged with ** and setdefault."""
from tensorflow import keras
from tensorflow.keras import layers

DEFAULTS = {"filters": [16, 32], "kernel": 3, "dense": 64, "dropout": 0.25, "classes": 10}


def make_config(**overrides):
    config = dict(DEFAULTS)
    config.update(overrides)
    config.setdefault("name", "cnn_" + "x".join(str(f) for f in config["filters"]))
    return config


def build(config, input_shape=(28, 28, 1)):
    model = keras.Sequential(name=config["name"])
    model.add(keras.Input(shape=input_shape))
    for i, filters in enumerate(config["filters"], start=1):
        model.add(layers.Conv2D(filters, config["kernel"], activation="relu", name=f"conv{i}"))
        model.add(layers.MaxPooling2D(name=f"pool{i}"))
    model.add(layers.Flatten())
    if (units := config["dense"]) > 0:
        model.add(layers.Dense(units, activation="relu"))
        model.add(layers.Dropout(config["dropout"]))
    model.add(layers.Dense(config["classes"], activation="softmax"))
    return model


base = make_config()
wide = make_config(filters=[32, 64, 64], dense=0, name="wide")
for config in (base, wide):
    model = build(config)
    keys = ", ".join(f"{k}={v!r}" for k, v in sorted(config.items()) if k != "name")
    print(f"{model.name:>10} | {model.count_params():>8,} | {keys}")
build(wide).summary()
