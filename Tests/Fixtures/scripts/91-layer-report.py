from tensorflow import keras
from tensorflow.keras import layers


def build_model(num_classes=5):
    inputs = keras.Input(shape=(64, 64, 3), name="image")
    x = layers.Conv2D(32, 3, strides=2, padding="same", name="stem")(inputs)
    x = layers.BatchNormalization(name="stem_bn")(x)
    x = layers.ReLU(name="stem_relu")(x)
    x = layers.SeparableConv2D(64, 3, padding="same", name="sep1")(x)
    x = layers.MaxPooling2D(name="pool1")(x)
    x = layers.GlobalAveragePooling2D(name="gap")(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="head")(x)
    return keras.Model(inputs, outputs, name="reporter")


model = build_model()
total = 0
for index, layer in enumerate(model.layers):
    params = layer.count_params()
    total += params
    kind = type(layer).__name__
    shape = tuple(layer.output.shape)
    print(f"{index:2d} {layer.name:<10} {kind:<22} {str(shape):<20} {params:>7,}")
print("=" * 64)
print(f"{'total':<56}{total:>8,}")
assert total == model.count_params()
trainable = sum(layer.count_params() for layer in model.layers if layer.trainable)
print("trainable layers:", sum(1 for layer in model.layers if layer.trainable), "of", len(model.layers))
