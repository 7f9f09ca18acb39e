from tensorflow import keras
from tensorflow.keras import layers


def mlp(width, depth):
    model = keras.Sequential(name=f"mlp_{width}x{depth}")
    model.add(keras.Input(shape=(16,)))
    for _ in range(depth):
        model.add(layers.Dense(width, activation="relu"))
    model.add(layers.Dense(1))
    return model


candidates = {}
for width in (8, 32):
    for depth in (1, 3):
        candidates[(width, depth)] = mlp(width, depth)
for key, candidate in sorted(candidates.items()):
    print(key, candidate.name, candidate.count_params())
best = min(candidates.values(), key=lambda m: m.count_params())
best.summary()
del candidates[(8, 1)]
print(len(candidates), list(candidates))
