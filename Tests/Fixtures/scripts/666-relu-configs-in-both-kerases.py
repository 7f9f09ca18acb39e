# The configs of ReLU layers (MobileNetV2's `out_relu` among them): tf-keras keeps max_value,
# negative_slope and threshold as float32 NumPy scalars, Keras 3 as the numbers given.
from tensorflow import keras

layers = [
    keras.layers.ReLU(),
    keras.layers.ReLU(6.0, name="relu6"),
    keras.layers.ReLU(max_value=4, negative_slope=0.1, threshold=0.5, name="leaky_clip"),
]
for layer in layers:
    config = layer.get_config()
    print(config)
    print(sorted(type(value).__name__ for value in config.values()))
    print(layer.__class__.from_config(config).get_config() == config or "differs")

inputs = keras.Input((4, 4, 3))
x = keras.layers.Conv2D(2, 1)(inputs)
x = keras.layers.ReLU(6.0, name="out_relu")(x)
model = keras.Model(inputs, x)
print(model.layers[-1].get_config()["max_value"], model.get_layer("out_relu").max_value)
