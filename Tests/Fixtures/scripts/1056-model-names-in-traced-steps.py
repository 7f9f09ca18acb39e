# Keras 3 runs fit, evaluate, predict and the *_on_batch functions as TensorFlow functions, whose
# graph enters a scope named after the model: a model name TensorFlow refuses at a graph's root
# (a space, a leading underscore, letters outside ASCII) fails there with TensorFlow's ValueError,
# after fit has named the first epoch. Keras pushed the scope on its own stack before TensorFlow
# refused it and leaves it there: the same model's next step finds its own scope on top, enters
# none and runs (another model's failure on top since makes it fail again); a step that ran once
# stays traced. Calling the model on data runs no graph. (tf-keras wraps the failure in text that
# quotes its own files, so only Keras 3 trains here.)
from tensorflow import keras
import numpy as np

x, y = np.ones((4, 3), "float32"), np.ones((4, 2), "float32")


def model(name):
    built = keras.Sequential(
        [keras.Input((3,)), keras.layers.Dense(2, kernel_initializer="ones")], name=name)
    built.compile("sgd", "mse")
    return built


def attempt(label, run):
    try:
        print(label, "->", run())
    except ValueError as error:
        print(label, "->", type(error).__name__, error)


if hasattr(keras, "__version__"):
    spaced = model("my model")
    attempt("fit", lambda: spaced.fit(x, y, epochs=2, verbose=2) and "trained")
    attempt("evaluate after", lambda: spaced.evaluate(x, y, verbose=0))
    attempt("same name, new model", lambda: model("my model").predict(x, verbose=0).shape)
    attempt("predict", lambda: spaced.predict(x, verbose=0).shape)
    attempt("predict_on_batch, traced", lambda: spaced.predict_on_batch(x).shape)
    attempt("test_on_batch, traced", lambda: spaced.test_on_batch(x, y))
    other = model("_m")
    attempt("underscore", lambda: other.predict(x, verbose=0).shape)
    attempt("train_on_batch", lambda: spaced.train_on_batch(x, y))
    attempt("train_on_batch again", lambda: spaced.train_on_batch(x, y))
    attempt("non-ascii", lambda: model("modèle").evaluate(x, y, verbose=0))
    attempt("dot, digit, dash", lambda: [model(n).predict(x, verbose=0).shape for n in (".m", "1m", "m-1")])
    attempt("empty", lambda: model("").predict(x, verbose=0).shape)
    print(spaced(x).shape)
print(model("my model").name)
