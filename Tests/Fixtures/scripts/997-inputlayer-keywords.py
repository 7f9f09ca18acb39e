# InputLayer's keywords differ between the two Kerases: tf-keras takes `input_shape` and
# `batch_input_shape` and rejects anything else; Keras 3 takes `shape` and `batch_shape`, still
# reads the old names, and ignores keywords it does not know.
from tensorflow import keras
from tensorflow.keras import layers


def attempt(label, **kwargs):
    try:
        model = keras.Sequential([layers.InputLayer(**kwargs), layers.Dense(2)])
        print(label, "->", model.output_shape, model.count_params())
    except (ValueError, TypeError) as error:
        print(label, "->", type(error).__name__ + ":", error)


attempt("shape", shape=(4,))
attempt("input_shape", input_shape=(4,))
attempt("batch_shape", batch_shape=(8, 4))
attempt("batch_input_shape", batch_input_shape=(8, 4))
attempt("unknown keywords", shape=(4,), depth=3, colour="red")
attempt("shape and batch_shape", shape=(4,), batch_shape=(2, 4))
attempt("batch_size and batch_shape", batch_size=2, batch_shape=(2, 4))
attempt("both old names", input_shape=(4,), batch_input_shape=(2, 4))
attempt("batch_size", input_shape=(4,), batch_size=16)
