# Shapes with dimensions that are no sizes. Keras 3 reads every shape through
# standardize_shape: a string, a float, a nested tuple or list and a negative size are each a
# ValueError quoting the whole shape as given (a half-computed `img_size / 2` is the common case).
# tf-keras hands the shape to TensorFlow's TensorShape, whose TypeError and ValueError differ.
from tensorflow import keras

for shape in [(28 / 2, 28 / 2, 3), [3.0], ("3",), (None, "a"), ((3,),), (-1,), [2, -3],
              (None, None, 5)]:
    try:
        print(shape, "->", keras.Input(shape).shape)
    except (TypeError, ValueError) as error:
        print(shape, "->", type(error).__name__, error)
try:
    keras.Sequential([keras.layers.Dense(2, input_shape=(4.0,))])
except (TypeError, ValueError) as error:
    print("input_shape ->", type(error).__name__, error)
