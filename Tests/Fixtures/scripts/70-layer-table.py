# A hand-made layer table: the kind of loop tutorials print next to model.summary().
from tensorflow import keras
from tensorflow.keras import layers


def conv_block(x, filters, name):
    x = layers.Conv2D(filters, 3, padding="same", name=f"{name}_conv")(x)
    x = layers.BatchNormalization(name=f"{name}_bn")(x)
    return layers.Activation("relu", name=f"{name}_relu")(x)


inputs = keras.Input(shape=(64, 64, 3))
x = inputs
for i, filters in enumerate([32, 64, 128], start=1):
    x = conv_block(x, filters, f"block{i}")
    x = layers.MaxPooling2D(name=f"block{i}_pool")(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(5, activation="softmax")(x)
model = keras.Model(inputs, outputs, name="tiny_vgg")

print(f"{'#':>3}  {'name':<16} {'class':<22} {'params':>10}")
print("-" * 55)
total = 0
for index, layer in enumerate(model.layers):
    params = layer.count_params()
    total += params
    kind = type(layer).__name__
    print(f"{index:>3}  {layer.name:<16} {kind:<22} {params:>10,}")
print("-" * 55)
print(f"{'':>3}  {'total':<16} {'':<22} {total:>10,}")
trainable = sum(layer.count_params() for layer in model.layers if layer.trainable)
print(f"trainable share: {trainable / total:.1%}; as float32: {total * 4 / 1024:.1f} KiB")
biggest = max(model.layers, key=lambda layer: layer.count_params())
print(f"largest layer: {biggest.name} ({biggest.__class__.__name__}) with {biggest.count_params():,} weights")
print(model.get_layer("block2_conv").name, model.layers[0].name, model.layers[-1].name)
