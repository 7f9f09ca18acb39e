from tensorflow import keras
from tensorflow.keras import layers

FILTERS = [32, 32, 64, 64, 128, 128, 256, 64]
unique = set(FILTERS)
print(unique, len(unique), sorted(unique, reverse=True))
print({f // 32 for f in FILTERS}, 128 in unique, 96 in unique)

seen = set()
model = keras.Sequential(name="dedup")
model.add(keras.Input(shape=(32, 32, 3)))
for filters in FILTERS:
    if filters in seen:
        continue
    seen.add(filters)
    model.add(layers.Conv2D(filters, 3, padding="same", activation="relu"))
    model.add(layers.MaxPooling2D())
model.add(layers.GlobalAveragePooling2D())
model.add(layers.Dense(1, activation="sigmoid"))
model.summary()

first = {layer.name for layer in model.layers}
second = {"conv2d", "conv2d_1", "dense", "output"}
print(sorted(first & second), sorted(second - first), len(first ^ second))
kinds = frozenset(type(layer).__name__ for layer in model.layers)
print(sorted(kinds), "Dense" in kinds)
seen.remove(512)
