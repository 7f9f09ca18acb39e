# A block that halves its width with `/` passes a float to Conv2D: tf-keras makes the
# filters an int, Keras 3 keeps 8.0 and cannot make the kernel when the layer is built.
import keras
from keras import layers

inputs = keras.Input(shape=(12, 12, 16))
width = inputs.shape[-1] / 2
print("width:", width)
for make in [
    lambda: layers.Conv2D(width, 1),
    lambda: layers.Conv2D(width, 3, padding="same", use_bias=False),
    lambda: layers.Conv2DTranspose(width, 2, strides=2),
    lambda: layers.SeparableConv2D(width, 3),
    lambda: layers.Conv1D(width / 2, 3),
]:
    layer = make()
    print(type(layer).__name__, "made")
    try:
        x = inputs if type(layer).__name__ != "Conv1D" else keras.Input(shape=(10, 5))
        y = layer(x)
        print("  output", y.shape, "params", layer.count_params())
    except Exception as error:
        print("  ", type(error).__name__, error)

try:
    model = keras.Sequential([keras.Input(shape=(6, 6, 4)), layers.Conv2D(12 / 4, 3)])
    print("built:", model.output.shape)
except ValueError as error:
    print("Sequential:", error)
