from tensorflow import keras
from tensorflow.keras import layers

CONFIG = {
    "input_shape": (96, 96, 3),
    "stem": {"filters": 24, "kernel_size": 3, "strides": 2},
    "stages": [
        {"filters": 32, "blocks": 1, "strides": 1},
        {"filters": 48, "blocks": 2, "strides": 2},
        {"filters": 64, "blocks": 2, "strides": 2},
    ],
    "head": {"dropout": 0.2, "classes": 4},
}


def block(x, filters, strides, name):
    shortcut = x
    x = layers.Conv2D(filters, 3, strides=strides, padding="same", use_bias=False, name=name + "_conv1")(x)
    x = layers.BatchNormalization(name=name + "_bn1")(x)
    x = layers.ReLU(name=name + "_relu1")(x)
    x = layers.Conv2D(filters, 3, padding="same", use_bias=False, name=name + "_conv2")(x)
    x = layers.BatchNormalization(name=name + "_bn2")(x)
    if strides != 1 or shortcut.shape[-1] != filters:
        shortcut = layers.Conv2D(filters, 1, strides=strides, use_bias=False, name=name + "_proj")(shortcut)
    x = layers.Add(name=name + "_add")([x, shortcut])
    return layers.ReLU(name=name + "_out")(x)


def build(config):
    inputs = keras.Input(shape=config["input_shape"])
    x = layers.Conv2D(**config["stem"], padding="same", name="stem")(inputs)
    for s, stage in enumerate(config["stages"], start=1):
        for b in range(stage["blocks"]):
            strides = stage["strides"] if b == 0 else 1
            x = block(x, stage["filters"], strides, name=f"s{s}b{b + 1}")
    x = layers.GlobalAveragePooling2D(name="pool")(x)
    x = layers.Dropout(config["head"]["dropout"], name="dropout")(x)
    outputs = layers.Dense(config["head"]["classes"], name="logits")(x)
    return keras.Model(inputs, outputs, name="resnet_from_config")


model = build(CONFIG)
per_stage = {}
for layer in model.layers:
    stage = layer.name.split("b")[0] if layer.name.startswith("s") else "other"
    per_stage[stage] = per_stage.get(stage, 0) + layer.count_params()
for stage, params in per_stage.items():
    print(f"{stage:>6}: {params:>7,}")
print("total:", f"{model.count_params():,}", "blocks:", sum(s["blocks"] for s in CONFIG["stages"]))
