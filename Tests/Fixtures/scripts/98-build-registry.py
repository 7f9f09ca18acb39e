"""A registry of model builders chosen by name, as training scripts select architectures."""
from tensorflow import keras
from tensorflow.keras import layers

MODELS = {}


def register(name):
    def decorator(fn):
        MODELS[name] = fn
        return fn
    return decorator


@register("tiny")
def tiny(input_shape, classes):
    return keras.Sequential([
        keras.Input(shape=input_shape),
        layers.Conv2D(8, 3, activation="relu"),
        layers.GlobalAveragePooling2D(),
        layers.Dense(classes, activation="softmax"),
    ], name="tiny")


@register("wide")
def wide(input_shape, classes, width=64):
    inputs = keras.Input(shape=input_shape)
    x = layers.Conv2D(width, 3, padding="same", activation="relu")(inputs)
    x = layers.MaxPooling2D()(x)
    x = layers.Conv2D(width * 2, 3, padding="same", activation="relu")(x)
    x = layers.GlobalMaxPooling2D()(x)
    outputs = layers.Dense(classes, activation="softmax")(x)
    return keras.Model(inputs, outputs, name="wide")


def get_model(name, **kwargs):
    if name not in MODELS:
        raise KeyError(f"unknown model {name!r}; choose from {sorted(MODELS)}")
    return MODELS[name](**kwargs)


for name in sorted(MODELS):
    model = get_model(name, input_shape=(32, 32, 3), classes=10)
    print(f"{name:>5}: {model.count_params():>8,} params, {len(model.layers)} layers")
get_model("deep", input_shape=(32, 32, 3), classes=10)
