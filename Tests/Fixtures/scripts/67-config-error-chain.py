# A config reader that turns a missing key into a clearer error ("raise ... from").
from tensorflow import keras
from tensorflow.keras import layers

CONFIG = {"input_shape": (28, 28, 1), "blocks": [32, 64], "classes": 10}


def read(config, key):
    try:
        return config[key]
    except KeyError as err:
        raise ValueError(f"config is missing {key!r}") from err


def build(config):
    model = keras.Sequential([keras.Input(shape=read(config, "input_shape"))])
    for filters in read(config, "blocks"):
        model.add(layers.Conv2D(filters, 3, activation="relu"))
        model.add(layers.MaxPooling2D())
    model.add(layers.Flatten())
    model.add(layers.Dropout(read(config, "dropout")))
    model.add(layers.Dense(read(config, "classes"), activation="softmax"))
    return model


try:
    build(CONFIG)
except ValueError as e:
    print("first try:", e)
    print("because of:", repr(e.__cause__), e.__cause__.args)
CONFIG["dropout"] = 0.5
model = build(CONFIG)
print(model.name, model.count_params())
del CONFIG["classes"]
build(CONFIG)
