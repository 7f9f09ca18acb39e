# A hand-made layer table whose column widths come from the data: str.format with replacement
# fields inside format specs, numbered after the field they belong to.
from tensorflow import keras

model = keras.Sequential([
    keras.Input((32, 32, 3)),
    keras.layers.Conv2D(16, 3, name="stem_conv"),
    keras.layers.MaxPooling2D(name="pool"),
    keras.layers.Flatten(name="flatten"),
    keras.layers.Dense(64, activation="relu", name="hidden_dense_layer"),
    keras.layers.Dense(10, name="logits"),
])

name_width = max(len(layer.name) for layer in model.layers) + 2
count_width = len(f"{model.count_params():,}") + 1
header = "{:<{}}{:>{}}".format("layer", name_width, "params", count_width)
print(header)
print("{:-^{}}".format("", len(header)))
for index, layer in enumerate(model.layers):
    print("{:<{w}}{:>{c},}".format(layer.name, layer.count_params(), w=name_width, c=count_width))
    print("{0:>{1}}{2:.{3}f}".format("share ", name_width, layer.count_params() / model.count_params(), 3))
print("{:=^{}}".format(" total {:,} ".format(model.count_params()), len(header)))
print("{:{}.{}}".format("truncated-name", 8, 5) + "|")
print("{:{fill}{align}{width}}".format(7, fill="*", align="^", width=9))
print("{{literal}} {:>{}}".format("x", 3))
for spec in ["{:{:{}}}", "{:{}", "{0", "{0:", "width}", "{", "{:>{}}} {"]:
    try:
        print(spec.format(1, 2, 3))
    except (ValueError, IndexError) as error:
        print(type(error).__name__, error)
