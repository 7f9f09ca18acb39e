# Helper functions that inspect a model, as notebooks define them next to the model.
from tensorflow import keras
from tensorflow.keras import layers


def describe(model, indent=2):
    pad = " " * indent
    print(f"{model.name} ({len(model.layers)} layers)")
    for layer in model.layers:
        shape = layer.output_shape if hasattr(layer, "output_shape") else "?"
        print(f"{pad}{layer.name.ljust(24, '.')}{str(layer.count_params()).rjust(8)}")
    return sum(layer.count_params() for layer in model.layers)


def count_by_kind(model):
    kinds = {}
    for layer in model.layers:
        kind = type(layer).__name__
        kinds[kind] = kinds.get(kind, 0) + 1
    return dict(sorted(kinds.items(), key=lambda item: (-item[1], item[0])))


model = keras.Sequential(name="digits")
model.add(keras.Input(shape=(28, 28, 1)))
for filters in (16, 32):
    model.add(layers.Conv2D(filters, 3, padding="same", activation="relu"))
    model.add(layers.BatchNormalization())
    model.add(layers.MaxPooling2D())
model.add(layers.Flatten())
model.add(layers.Dropout(0.3))
model.add(layers.Dense(10, activation="softmax"))

total = describe(model)
print("total".center(32, "="), f"{total:,}")
print(count_by_kind(model))
conv_names = [layer.name for layer in model.layers if layer.name.startswith(("conv", "dense"))]
print(", ".join(conv_names), "|", "; ".join(n.upper().replace("_", "-") for n in conv_names))
print(model.get_layer(conv_names[-1]).units, model.get_layer(index=0).filters)
