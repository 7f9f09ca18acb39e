from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(64, 64, 3), name="image")
x = inputs
shapes = []
for filters in [16, 32, 64]:
    x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    x = layers.MaxPooling2D()(x)
    shapes.append(tuple(x.shape))
assert x.shape[1] == 8, "expected 8x8 feature maps"
print(shapes)
print(inputs.shape, x.shape, x.shape[-1], x.shape.as_list() if False else list(x.shape))
model = keras.Model(inputs=inputs, outputs=layers.Dense(3)(layers.Flatten()(x)))
print(model.input_shape, model.output_shape)
for i, layer in enumerate(model.layers[1:4], start=1):
    print(i, type(layer).__name__, layer.name)
assert model.count_params() < 1000, f"too big: {model.count_params()}"
