# Old code that walks a model's layers and prints their shapes: tf-keras layers have
# `input_shape` / `output_shape`; Keras 3 layers do not (models still do), and CPython suggests
# the closest name Keras 3 has.
from tensorflow import keras

model = keras.Sequential(
    [
        keras.Input((8, 8, 1)),
        keras.layers.Conv2D(4, 3, padding="same", name="conv"),
        keras.layers.Flatten(name="flat"),
        keras.layers.Dense(2, name="out"),
    ]
)
print(model.input_shape, model.output_shape)
for layer in model.layers:
    print(layer.name, layer.output.shape, layer.count_params())
for layer in model.layers:
    print(layer.name, layer.input_shape, layer.output_shape)
