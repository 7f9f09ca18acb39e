"""Layers built in while/for loops with break, continue and enumerate."""
from tensorflow import keras
from tensorflow.keras import layers

size = 64
filters = 8
blocks = []
while size > 4:
    blocks.append((size, filters))
    size //= 2
    filters = min(filters * 2, 64)
    if len(blocks) == 4:
        break
print(blocks)

model = keras.Sequential([keras.Input(shape=(64, 64, 3))], name="pyramid")
for index, (size, filters) in enumerate(blocks):
    if index == 1:
        continue
    model.add(layers.Conv2D(filters, 3, padding="same", activation="relu", name=f"conv_{size}"))
    model.add(layers.MaxPooling2D(name=f"pool_{size}"))
model.add(layers.Flatten())
model.add(layers.Dense(1))
model.summary()
print([layer.name for layer in model.layers][::2])
print({layer.name: layer.output_shape[1:3] for layer in model.layers if layer.name.startswith("pool")})
