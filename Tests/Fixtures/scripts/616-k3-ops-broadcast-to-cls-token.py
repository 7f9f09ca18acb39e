# A class token broadcast over the batch with keras.ops.broadcast_to inside a layer's call (the
# batch size from ops.shape), a bias table broadcast to a fixed shape, and training through both.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

ops = keras.ops


class PrependToken(layers.Layer):
    def __init__(self, width, **kwargs):
        super().__init__(**kwargs)
        self.width = width

    def build(self, input_shape):
        self.token = self.add_weight(
            name="token", shape=(1, 1, self.width), initializer="ones", trainable=True
        )

    def call(self, x):
        batch = ops.shape(x)[0]
        tokens = ops.broadcast_to(self.token, (batch, 1, self.width))
        return ops.concatenate([tokens, x], axis=1)


class RowBias(layers.Layer):
    def build(self, input_shape):
        self.bias = self.add_weight(name="bias", shape=(input_shape[-1],), initializer="zeros")

    def call(self, x):
        return x + ops.broadcast_to(self.bias, (x.shape[1], x.shape[2]))


steps = keras.Input((4, 8))
x = PrependToken(8, name="prepend")(steps)
x = RowBias(name="row_bias")(x)
first = x[:, 0, :]
model = keras.Model(steps, layers.Dense(2)(first))
model.summary()
data = np.arange(64, dtype="float32").reshape(2, 4, 8) / 64.0
print(model.get_layer("prepend")(data).shape)
print(np.round(model.get_layer("prepend")(data)[1, :2, :3].numpy(), 4))
model.compile(optimizer="sgd", loss="mse")
history = model.fit(data, np.ones((2, 2), "float32"), epochs=2, verbose=0)
print(len(history.history["loss"]), model.get_layer("prepend").token.shape)
try:
    ops.broadcast_to(steps, (3, 4))
except ValueError as error:
    print("ValueError:", str(error).splitlines()[0])
