"""Decorators in training scripts: a registry, a call counter with a closure, stacked decorators,
tf.function on a step that is defined but not run, and keras' serializable registry, which
refuses a class without get_config()."""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

BLOCKS = {}
calls = {"count": 0}


def register(name):
    def wrap(function):
        BLOCKS[name] = function
        return function
    return wrap


def counted(function):
    def wrapper(*args, **kwargs):
        calls["count"] += 1
        return function(*args, **kwargs)
    return wrapper


@register("conv")
@counted
def conv_block(x, filters):
    x = layers.Conv2D(filters, 3, padding="same")(x)
    return layers.ReLU()(x)


@register("pool")
def pool_block(x, filters):
    return layers.MaxPooling2D()(x)


@tf.function
def train_step(x):
    print("tracing", x)


inputs = keras.Input(shape=(32, 32, 3))
x = inputs
for name in ["conv", "conv", "pool", "conv"]:
    x = BLOCKS[name](x, 16)
model = keras.Model(inputs, x, name="decorated")
print(sorted(BLOCKS), calls, conv_block.__name__)
model.summary()


@keras.utils.register_keras_serializable(package="demo")
def scaled(x):
    return x


@keras.utils.register_keras_serializable()
class Settings:
    depth = 2
