# tf-keras keeps its public API trees in a package named `api` (`_v1`, `_v2`), which holds no
# `models` or `layers`; Keras 3 has no `keras.api` to import at all. Keras 3's BatchNormalization
# reads its axis with int(axis), so the string '-1' some tutorials pass works there only.
import keras
from keras import layers


def api_models():
    from keras.api.models import Sequential  # noqa: F401


def api_layers():
    import keras.api.layers  # noqa: F401


for label, importer in [("models", api_models), ("layers", api_layers)]:
    try:
        importer()
        print(label, "imported")
    except ImportError as error:
        print(label, type(error).__name__, "-", error)

for axis in ["-1", " 3 ", "1_0", "x", 2.0]:
    try:
        print(repr(axis), "->", layers.BatchNormalization(axis).axis)
    except (TypeError, ValueError) as error:
        print(repr(axis), "->", type(error).__name__, error)

model = keras.Sequential([keras.Input((5, 5, 2)), layers.Conv2D(3, 3)])
try:
    model.add(layers.BatchNormalization("-1"))
except TypeError as error:
    print("TypeError", error)
print(model.count_params())
