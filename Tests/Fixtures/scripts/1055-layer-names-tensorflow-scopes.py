# tf-keras calls a layer on Keras tensors inside a TensorFlow name scope named after the layer
# ("name/"), and TensorFlow accepts a scope at the graph's root only when it starts with a letter, a
# digit or a dot and holds nothing but ASCII letters, digits and _ . \ / > - after that. A layer
# named otherwise can be made and called on data, but fails where the model graph calls it.
# Keras 3 builds its graphs without TensorFlow scopes: every model here builds.
from tensorflow import keras
import numpy as np


def attempt(label, build):
    try:
        print(label, "->", build())
    except ValueError as error:
        print(label, "->", type(error).__name__, error)


inputs = keras.Input((4,), name="raw input")
attempt("dense", lambda: keras.layers.Dense(2, name="dense one")(inputs).shape)
attempt("leading underscore", lambda: keras.layers.Dense(2, name="_hidden")(inputs).shape)
attempt("leading dash", lambda: keras.layers.Dense(2, name="-x")(inputs).shape)
attempt("colon", lambda: keras.layers.Dense(2, name="block:1")(inputs).shape)
attempt("non-ascii", lambda: keras.layers.Dense(2, name="schicht_ä")(inputs).shape)
attempt("allowed marks", lambda: keras.layers.Dense(2, name=".a-b>c\\d/e")(inputs).shape)
attempt("digit first", lambda: keras.layers.Dense(2, name="2nd")(inputs).shape)
attempt("empty", lambda: keras.layers.Dense(2, name="")(inputs).shape)
attempt("merge", lambda: keras.layers.Add(name="sum it")([inputs, inputs]).shape)
attempt("lambda", lambda: keras.layers.Lambda(lambda t: t * 2, name="twice it")(inputs).shape)
attempt(
    "sequential", lambda: keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, name="out put")]).output_shape)
attempt(
    "input_shape",
    lambda: keras.Sequential([keras.layers.Dense(1, input_shape=(4,), name="first dense")]).output_shape)
later = keras.Sequential([keras.layers.Dense(3, name="later dense")])
attempt("build", lambda: later.build((None, 4)) or later.built)
inner = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)], name="inner model")
attempt("nested model", lambda: keras.Sequential([keras.Input((4,)), inner]).output_shape)
# Calls on data run without a graph; models may carry any name.
print(keras.layers.Dense(2, name="eager dense")(np.ones((1, 4), "float32")).shape)
named = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)], name="my model")
print(named.name, named.count_params())
