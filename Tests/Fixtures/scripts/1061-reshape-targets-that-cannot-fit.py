# Reshape targets that cannot hold the input. Keras 3 checks the target as the layer is made
# (a size below -1, or two -1s, is its ValueError there) and, with a -1 to infer, says the input
# cannot be divided by the other sizes; tf-keras leaves both to TensorFlow when the layer is called.
from tensorflow import keras

for target in [(5, -1), (0, -1), (-1, 7), (5, 5), (-2, 6), (-1, -1), (2, 2, -1, 3)]:
    try:
        layer = keras.layers.Reshape(target)
        model = keras.Sequential([keras.Input((12,)), layer])
        print(target, "->", model.output_shape)
    except ValueError as error:
        print(target, "->", str(error).replace("\n\n", " | ").replace("\n", " | "))
