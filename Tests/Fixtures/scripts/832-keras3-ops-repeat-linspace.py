# keras.ops.repeat of a class token over the batch, and ops.linspace made in and out of a call.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

ops = keras.ops

print(ops.linspace(0, 10, 5))
print(ops.linspace(0.0, 1.0, 7))
print(ops.linspace(ops.log(2.0), ops.log(50.0), 6))
print(ops.exp(ops.linspace(ops.log(1.0), ops.log(1000.0), 4)))
print(ops.linspace(np.float64(0.5), 2.0, 4))
print(ops.linspace(-1, 1, 3, dtype="float64"))


class PrependToken(layers.Layer):
    def __init__(self, width, **kwargs):
        super().__init__(**kwargs)
        self.token = self.add_weight(shape=(1, 1, width), initializer="ones", name="token")

    def call(self, inputs):
        batch = ops.shape(inputs)[0]
        tokens = ops.repeat(self.token, batch, axis=0)
        return ops.concatenate([tokens, inputs], axis=1)


def scaled_frequencies(x):
    rates = ops.exp(ops.linspace(ops.log(1.0), ops.log(100.0), 3))
    return x * ops.cast(rates, "float32")


inputs = keras.Input(shape=(4, 3))
with_token = PrependToken(3)(inputs)
tiled = layers.Lambda(lambda t: ops.repeat(t[:, :1, :], 2, axis=1))(with_token)
scaled = layers.Lambda(scaled_frequencies)(tiled)
model = keras.Model(inputs, [with_token, scaled])
model.summary()
data = np.arange(2 * 4 * 3, dtype="float32").reshape(2, 4, 3) / 10.0
first, second = model.predict(data, verbose=0)
print(first.shape, second.shape)
print(first[:, :2])
print(second)
