# Helpers that swap a model's weights for the length of a `with` block, written with
# contextlib.contextmanager, and a generator dropped by an exception while paused in try/finally.
import contextlib
from contextlib import contextmanager, nullcontext
import numpy as np
from tensorflow import keras

keras.utils.set_random_seed(7)


@contextmanager
def temporary_weights(model, replacement, log):
    """Gives the model other weights inside the block."""
    saved = model.get_weights()
    model.set_weights(replacement)
    log.append("swapped")
    try:
        yield len(replacement)
    finally:
        model.set_weights(saved)
        log.append("restored")


@contextlib.contextmanager
def frozen(layer):
    before = layer.trainable
    layer.trainable = False
    yield layer
    layer.trainable = before


model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3), keras.layers.Dense(1)])
x = np.ones((2, 4), dtype="float32")
zeros = [np.zeros_like(w) for w in model.get_weights()]
log = []
before = model.predict(x, verbose=0)
with temporary_weights(model, zeros, log) as count:
    print("arrays swapped:", count)
    print("inside:", model.predict(x, verbose=0).ravel().tolist())
print("restored:", np.allclose(before, model.predict(x, verbose=0)), log)
print(temporary_weights.__name__, "-", temporary_weights.__doc__)

with frozen(model.layers[0]) as layer:
    print(layer.name, layer.trainable, len(model.trainable_weights))
print(model.layers[0].trainable, len(model.trainable_weights))


def first_weight_norms(models):
    for m in models:
        with temporary_weights(m, zeros, log):
            if len(log) > 4:
                return "stopped early"
    return "all done"


print(first_weight_norms([model, model, model]), log[-4:])

use_swap = False
with (temporary_weights(model, zeros, log) if use_swap else nullcontext("unchanged")) as state:
    print("state:", state)
with nullcontext():
    print("nothing to manage")

swap = temporary_weights(model, zeros, log)
with swap:
    pass
try:
    with swap:
        pass
except AttributeError as error:
    print("AttributeError:", error)


@contextmanager
def no_yield():
    if False:
        yield
    print("never yielded")


@contextmanager
def two_yields():
    yield "first"
    yield "second"


for manager in (no_yield, two_yields):
    try:
        with manager() as value:
            print("got", value)
    except RuntimeError as error:
        print("RuntimeError:", error)


def batches():
    try:
        yield 1
        yield 2
    finally:
        print("batches closed")


def consume():
    source = batches()
    print("first batch", next(source))
    raise ValueError("bad batch")


try:
    consume()
except ValueError as error:
    print("caught", error)
print("after")
