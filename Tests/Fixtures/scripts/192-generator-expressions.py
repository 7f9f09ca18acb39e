"""Generator expressions and lazy iteration around a model's layers."""
from tensorflow import keras
from tensorflow.keras import layers

widths = [16, 32]
later = (w * 2 for w in widths)
widths.append(64)
print("doubled:", list(later))

model = keras.Sequential([keras.Input(shape=(16, 16, 3))], name="lazy")
for width in widths:
    model.add(layers.Conv2D(width, 3, padding="same", activation="relu"))
model.add(layers.GlobalMaxPooling2D())
model.add(layers.Dense(4))

params = (layer.count_params() for layer in model.layers)
print(type(params).__name__, next(params), next(params))
print("rest:", sum(params))
print(", ".join(layer.name for layer in model.layers if layer.count_params()))
print(max((layer.count_params(), layer.name) for layer in model.layers))
print(any(isinstance(layer, layers.Dense) for layer in model.layers))
print(dict((layer.name, layer.output_shape[-1]) for layer in model.layers))
model.summary()
