# A helper of a training script reads attributes of plain Python values: the names that
# str, list, tuple and dict lack are CPython's AttributeErrors, with its suggestions.
import tensorflow as tf
from tensorflow import keras

widths = [32, 64]
model = keras.Sequential([keras.Input(shape=(8,))] + [keras.layers.Dense(w) for w in widths])
print(len(model.layers))
for value, name in [(widths, "nothing"), ("relu", "upper_case"), ((1, 2), "append"),
                    ({"a": 1}, "has_key"), (3, "is_integer"), (2.5, "bit_length")]:
    try:
        getattr(value, name)
    except AttributeError as error:
        print(type(value).__name__, error)
print((1024).bit_length(), (0).bit_length(), (-5).bit_length(), True.bit_length())
print((3).real, (3).imag, (3).numerator, (3).denominator, (2.5).real, (2.5).imag, True.real)
print(str.upper("done"), dict.fromkeys("ab", 0), {"k": 1}.keys())
try:
    str.nothing
except AttributeError as error:
    print(error)
try:
    (7).bit_length(2)
except TypeError as error:
    print(error)
widths.apend(128)
