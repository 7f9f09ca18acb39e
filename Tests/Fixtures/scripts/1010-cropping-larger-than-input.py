# Cropping as much as the input is long, found while the model is built: tf-keras' message
# ("must be greater than the input shape") and Keras 3's ("should be smaller", in bold, with the
# `input_shape` its compute_output_shape received); a crop that leaves one row passes.
from tensorflow import keras

cases = [
    ("1D", (6, 2), lambda: keras.layers.Cropping1D((3, 2))),
    ("1D too far", (5, 2), lambda: keras.layers.Cropping1D((3, 2))),
    ("2D", (4, 6, 1), lambda: keras.layers.Cropping2D(((1, 2), (1, 1)))),
    ("2D too far", (4, 6, 1), lambda: keras.layers.Cropping2D(((2, 2), (0, 0)))),
    ("2D width", (4, 6, 1), lambda: keras.layers.Cropping2D(((0, 0), (3, 3)))),
]
for label, shape, make in cases:
    try:
        model = keras.Sequential([keras.Input(shape), make()])
        print(label, "->", model.output_shape)
    except ValueError as error:
        lines = str(error).split("\n")
        print(label, "->", lines[0])
        print("   ", lines[2])

inputs = keras.Input((4, 4, 3))
cropped = keras.layers.Cropping2D(2)(inputs)
