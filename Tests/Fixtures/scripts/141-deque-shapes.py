from collections import deque
from itertools import accumulate, pairwise, zip_longest

from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(96, 96, 3)),
    layers.Conv2D(16, 5, strides=2, activation="relu"),
    layers.Conv2D(32, 3, strides=2, activation="relu"),
    layers.Conv2D(64, 3, strides=2, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(8),
], name="shrinker")

recent = deque(maxlen=3)
for layer in model.layers:
    recent.append((layer.name, layer.output_shape[1:]))
print(recent)
print(recent.popleft(), len(recent), recent.maxlen)
recent.appendleft(("first", ()))
recent.rotate(1)
print(list(recent))
counts = [layer.count_params() for layer in model.layers]
print(list(accumulate(counts)), sum(counts) == model.count_params())
for before, after in pairwise(model.layers[:4]):
    print(f"{before.name:>9} -> {after.name:<9} {before.output_shape} -> {after.output_shape}")
for name, count in zip_longest(["a", "b"], counts[:3], fillvalue="-"):
    print(name, count, sep=":", end=" ")
print()
queue = deque(layer.name for layer in model.layers)
queue.extend(["extra"])
print(queue.pop(), queue.popleft(), queue)
