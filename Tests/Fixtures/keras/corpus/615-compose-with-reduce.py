# A detector's helper composes layers with functools.reduce; the model cell after it only uses
# plain layer calls.
from functools import reduce


def compose(*funcs):
    return reduce(lambda f, g: lambda *a, **kw: g(f(*a, **kw)), funcs)

# %%
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(64, 64, 3))
x = layers.Conv2D(16, 3, padding="same", use_bias=False)(inputs)
x = layers.BatchNormalization()(x)
x = layers.LeakyReLU(alpha=0.1)(x)
x = layers.MaxPooling2D(2)(x)
outputs = layers.Conv2D(18, 1)(x)
model = keras.Model(inputs, outputs)
model.summary()
