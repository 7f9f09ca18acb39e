"""A small VGG-style classifier built from a config dict, as in many tutorials."""
from tensorflow import keras
from tensorflow.keras import layers

CONFIG = {
    "input_shape": (32, 32, 3),
    "filters": [32, 64, 128],
    "dense_units": 256,
    "num_classes": 10,
    "dropout": 0.5,
}


def conv_block(x, filters, **conv_kwargs):
    conv_kwargs.setdefault("padding", "same")
    conv_kwargs.setdefault("activation", "relu")
    x = layers.Conv2D(filters, 3, **conv_kwargs)(x)
    x = layers.Conv2D(filters, 3, **conv_kwargs)(x)
    return layers.MaxPooling2D()(x)


def build_model(config, **overrides):
    config = {**config, **overrides}
    inputs = keras.Input(shape=config["input_shape"])
    x = inputs
    for index, filters in enumerate(config["filters"]):
        x = conv_block(x, filters, name=None, kernel_initializer="he_normal")
        print(f"block {index + 1}: {filters:>3} filters -> {tuple(x.shape[1:])}")
    x = layers.Flatten()(x)
    x = layers.Dense(config["dense_units"], activation="relu")(x)
    x = layers.Dropout(config["dropout"])(x)
    outputs = layers.Dense(config["num_classes"], activation="softmax")(x)
    return keras.Model(inputs, outputs, name="vgg_small")


model = build_model(CONFIG, num_classes=100)
model.summary()
print("parameters: {:,}".format(model.count_params()))
