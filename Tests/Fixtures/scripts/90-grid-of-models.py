"""Compare model sizes over a small grid of widths and kernel sizes."""
import itertools

from tensorflow import keras
from tensorflow.keras import layers

WIDTHS = (16, 32)
KERNELS = (3, 5)


def build(width, kernel, depth=2):
    model = keras.Sequential(name=f"cnn_w{width}_k{kernel}")
    model.add(keras.Input(shape=(32, 32, 3)))
    for i in range(depth):
        model.add(layers.Conv2D(width * 2 ** i, kernel, padding="same", activation="relu"))
        model.add(layers.MaxPooling2D())
    model.add(layers.GlobalAveragePooling2D())
    model.add(layers.Dense(10))
    return model


results = []
for width, kernel in itertools.product(WIDTHS, KERNELS):
    model = build(width, kernel)
    results.append((model.name, model.count_params()))

print(f"{'model':<16}{'params':>10}")
print("-" * 26)
for name, params in sorted(results, key=lambda r: r[1]):
    print(f"{name:<16}{params:>10,}")
smallest, largest = results[0][1], max(p for _, p in results)
print("ratio: %.2fx" % (largest / smallest))
