# A negative int padding: Keras 3 refuses it when the layer is made; tf-keras keeps it and
# TensorFlow's Pad refuses it when the layer is called, in the graph node's words. The tuple
# forms are checked when the layer is made by both.
from tensorflow import keras

for make in (
    lambda: keras.layers.ZeroPadding2D(padding=-2, name="shrink"),
    lambda: keras.layers.ZeroPadding3D(-1),
    lambda: keras.layers.ZeroPadding2D(padding=(1, -1)),
    lambda: keras.layers.ZeroPadding1D(padding=(2, -3)),
):
    try:
        layer = make()
        print("made", layer.name)
        shape = (6, 6, 3) if "2d" in layer.name or layer.name == "shrink" else (4, 4, 4, 2)
        keras.Sequential([keras.Input(shape), layer]).summary()
    except ValueError as error:
        print("ValueError:", error)
    print("--")

inputs = keras.Input((None, 5, 2))
outputs = keras.layers.ZeroPadding2D(-1, data_format="channels_first")(inputs)
