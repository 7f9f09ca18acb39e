import json
from collections import namedtuple

import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

Stage = namedtuple("Stage", "filters blocks stride", defaults=(1, 2))

STAGES = (Stage(16), Stage(32, stride=2), Stage(64, blocks=1, stride=2))


def residual_block(x, filters, stride, prefix):
    shortcut = x
    x = layers.Conv2D(filters, 3, strides=stride, padding="same", name=prefix + "_conv1")(x)
    x = layers.BatchNormalization(name=prefix + "_bn1")(x)
    x = layers.ReLU(name=prefix + "_relu1")(x)
    x = layers.Conv2D(filters, 3, padding="same", name=prefix + "_conv2")(x)
    if stride != 1 or shortcut.shape[-1] != filters:
        shortcut = layers.Conv2D(filters, 1, strides=stride, name=prefix + "_proj")(shortcut)
    return layers.ReLU(name=prefix + "_out")(layers.Add(name=prefix + "_add")([x, shortcut]))


inputs = keras.Input(shape=(32, 32, 3), name="image")
x = layers.Conv2D(16, 3, padding="same", name="stem")(inputs)
for number, stage in enumerate(STAGES, start=1):
    filters, blocks, stride = stage
    for block in range(blocks):
        x = residual_block(x, filters, stride if block == 0 else 1, f"s{number}b{block}")
    print(stage, "->", tuple(x.shape))
outputs = layers.Dense(10)(layers.GlobalAveragePooling2D()(x))
model = keras.Model(inputs, outputs, name="tiny_resnet")
print(model.name, len(model.layers), model.count_params())
print(json.dumps([stage._asdict() for stage in STAGES]))
print(Stage._fields, Stage._field_defaults, STAGES[0]._replace(filters=8))
print(max(STAGES, key=lambda s: s.filters * s.blocks), sorted(STAGES)[0] == STAGES[0])
print(isinstance(STAGES[1], tuple), STAGES[1] == (32, 2, 2), len(STAGES[2]))
