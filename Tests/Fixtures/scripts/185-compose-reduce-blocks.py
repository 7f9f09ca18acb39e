"""A detector-style backbone: layer factories composed left to right with functools.reduce."""
from functools import reduce, wraps

from tensorflow import keras
from tensorflow.keras import layers


def compose(*funcs):
    """Applies the functions in order: compose(f, g)(x) == g(f(x))."""
    if funcs:
        return reduce(lambda f, g: lambda *a, **kw: g(f(*a, **kw)), funcs)
    raise ValueError("Composition of empty sequence not supported.")


@wraps(layers.Conv2D)
def PaddedConv(*args, **kwargs):
    """Conv2D with 'same' padding unless the stride is 2."""
    settings = {"padding": "valid" if kwargs.get("strides") == (2, 2) else "same"}
    settings.update(kwargs)
    return layers.Conv2D(*args, **settings)


def conv_bn_leaky(*args, **kwargs):
    no_bias = {"use_bias": False}
    no_bias.update(kwargs)
    return compose(PaddedConv(*args, **no_bias), layers.BatchNormalization(), layers.LeakyReLU(alpha=0.1))


print(PaddedConv.__name__, PaddedConv.__qualname__, PaddedConv.__wrapped__.__name__)
inputs = keras.Input(shape=(64, 64, 3))
x = compose(
    conv_bn_leaky(8, (3, 3)),
    layers.MaxPooling2D(2),
    conv_bn_leaky(16, (3, 3)),
    layers.ZeroPadding2D(((1, 0), (1, 0))),
    conv_bn_leaky(16, (3, 3), strides=(2, 2)),
)(inputs)
outputs = compose(conv_bn_leaky(32, (1, 1)), PaddedConv(3 * (5 + 2), (1, 1)))(x)
model = keras.Model(inputs, outputs, name="tiny_backbone")
model.summary()
try:
    compose()
except ValueError as error:
    print("refused:", error)
