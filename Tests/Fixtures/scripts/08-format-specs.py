from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(224, 224, 3)),
    layers.Conv2D(64, 7, strides=2, padding="same"),
    layers.MaxPooling2D(3, strides=2, padding="same"),
    layers.Conv2D(128, 3, padding="same"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(1000),
])
total = model.count_params()
print(f"{'layer':<20}{'params':>12}")
for layer in model.layers:
    print(f"{layer.name:<20}{layer.count_params():>12,}")
print("total: {:,} parameters ({:.2f} MB as float32)".format(total, total * 4 / 1024 ** 2))
print("{0} has {1:d} layers; output {2}".format(model.name, len(model.layers), model.output_shape))
print(f"{total:08d} {total / 1e6:.3f}M {0.25:.1%} {42:#x} {7:+d}")
