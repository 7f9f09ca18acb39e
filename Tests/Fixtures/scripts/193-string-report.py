"""A text report of a model with str methods and format specs."""
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(32, 3, activation="relu", name="conv_a"),
    layers.Conv2D(64, 3, activation="relu", name="conv_b"),
    layers.MaxPooling2D(name="pool"),
    layers.Dropout(0.25, name="drop"),
    layers.Flatten(name="flat"),
    layers.Dense(128, activation="relu", name="dense_hidden"),
    layers.Dense(10, activation="softmax", name="dense_out"),
], name="mnist_cnn")

total = model.count_params()
title = f" {model.name.upper()} "
print(title.center(44, "="))
for layer in model.layers:
    kind, _, rest = layer.name.partition("_")
    share = layer.count_params() / total
    print(f"{layer.name.ljust(14)}{kind.title():<7}{layer.count_params():>9,}{share:>9.2%}")
print("=" * 44)
print(f"{'total':<21}{total:>9,}".rstrip())
names = " ".join(layer.name for layer in model.layers)
print(names.count("conv"), names.find("pool"), names.index("dense"), names.rfind("dense"))
print(str(total).zfill(10), hex(total), f"{total:#x}", f"{total:e}", f"{total:_}")
print("conv_a".removeprefix("conv_"), "  drop  ".strip(), "x--y".strip("x-"), "a\nb".splitlines())
