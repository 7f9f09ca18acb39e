# Reshape to sizes far beyond any real array, on an input with no values (so -1 is 0). tf-keras
# hands TensorFlow the target as int32 values: a size that loses its high bits to a number other
# than itself fails the shape check (a negative one is unknown and passes), and a product of the
# sizes past 64 bits overflows NumPy's int64. Keras 3 computes with Python ints.
from tensorflow import keras

for features, target in [
    ((0,), (2**62, -1)),
    ((0,), (2**32 + 5, -1)),
    ((0,), (2**31, -1)),
    ((0,), (-1, 2**40)),
    ((0, 3), (2**33, -1, 3)),
    ((0,), (3, 2**62, -1)),
    ((0,), (2**63 - 1, -1)),
    ((0,), (7, -1)),
]:
    try:
        model = keras.Sequential([keras.Input(features), keras.layers.Reshape(target)])
        print(target, model.output_shape)
    except (ValueError, OverflowError) as error:
        lines = [line for line in str(error).splitlines() if line]
        print(target, type(error).__name__, lines[1] if len(lines) > 1 else lines[0])
