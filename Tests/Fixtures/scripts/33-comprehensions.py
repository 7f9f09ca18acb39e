from tensorflow import keras
from tensorflow.keras import layers

stages = {f"stage{i}": 2 ** (i + 3) for i in range(3)}
print(stages)
inverse = {v: k for k, v in stages.items()}
print(inverse[16], sorted(stages, reverse=True))
inputs = keras.Input(shape=(32, 32, 3))
x = inputs
for name, filters in stages.items():
    x = layers.Conv2D(filters, 3, padding="same", name=name)(x)
model = keras.Model(inputs, x)
by_class = {}
for layer in model.layers:
    by_class.setdefault(type(layer).__name__, []).append(layer.name)
print(by_class)
model.summary()
