import math

import tensorflow as tf
from tensorflow.keras import layers, models

model = models.Sequential([
    layers.Input(shape=(64, 64, 3)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Conv2D(32, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Conv2D(64, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(64, activation="relu"),
    layers.Dense(3, activation="softmax"),
], name="small_cnn")

by_size = sorted(model.layers, key=lambda layer: layer.count_params(), reverse=True)
for rank, layer in enumerate(by_size[:3], start=1):
    share = layer.count_params() / model.count_params()
    print(f"{rank}. {layer.name:<12} {layer.count_params():>7,} ({share:.1%})")
biggest = max(model.layers, key=lambda layer: layer.count_params())
print("biggest:", biggest.name, "log2 params = %.2f" % math.log2(biggest.count_params()))
empty = [layer.name for layer in model.layers if not layer.count_params()]
print(empty, sum(layer.count_params() for layer in model.layers) == model.count_params())
width = model.layers[0].filters + "16"
