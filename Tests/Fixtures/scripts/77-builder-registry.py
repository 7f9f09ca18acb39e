# A registry of model builders chosen by name, with a clear error for unknown names.
from tensorflow import keras
from tensorflow.keras import layers


def mlp(input_dim, classes):
    return keras.Sequential(
        [keras.Input(shape=(input_dim,)), layers.Dense(64, activation="relu"), layers.Dense(classes)],
        name="mlp",
    )


def wide(input_dim, classes):
    return keras.Sequential(
        [keras.Input(shape=(input_dim,)), layers.Dense(512, activation="relu"), layers.Dense(classes)],
        name="wide",
    )


BUILDERS = {"mlp": mlp, "wide": wide}


def get_model(name, **kwargs):
    try:
        builder = BUILDERS[name.lower()]
    except KeyError:
        known = ", ".join(sorted(BUILDERS))
        raise ValueError(f"Unknown model {name!r}; choose one of: {known}") from None
    return builder(**kwargs)


for name in ("MLP", "wide"):
    model = get_model(name, input_dim=20, classes=3)
    params = model.count_params()
    print(f"{model.name:>6}: {params:>7,} params {params / 1e3:6.1f}K {'(big)' if params > 10_000 else ''}")
try:
    get_model("resnet", input_dim=20, classes=3)
except ValueError as error:
    print(error.args[0].partition(";")[0], "|", error.__cause__, error.__suppress_context__)
get_model("cnn", input_dim=20, classes=3)
