# Parsing layer sizes from strings (as read from a config file or the command line).
from tensorflow import keras
from tensorflow.keras import layers


def parse_sizes(text):
    try:
        return [int(part) for part in text.split(",")]
    except ValueError as error:
        raise TypeError(f"sizes must be comma-separated integers, got {text!r}") from error


def build(sizes_text, input_dim=16):
    model = keras.Sequential([keras.Input(shape=(input_dim,))])
    try:
        for units in parse_sizes(sizes_text):
            model.add(layers.Dense(units, activation="relu"))
    finally:
        print(f"build({sizes_text!r}) made {len(model.layers)} layer(s)")
    return model


model = build("64,32,8")
widths = {layer.name: layer.units for layer in model.layers}
print(widths)
print({name: widths[name] * 2 for name in sorted(widths)})
build("64, 32 ,x8")
