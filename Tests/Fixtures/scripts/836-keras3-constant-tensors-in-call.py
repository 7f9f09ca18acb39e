# Constants made with keras.ops inside a layer's call (a small epsilon tensor, a linspace of
# rates) join the Keras tensors of the traced call as Keras 3 computes them.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

ops = keras.ops


class NormalizedAttention(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.scores = layers.Dense(units, kernel_initializer="ones", use_bias=False)

    def call(self, inputs):
        weights = ops.softmax(self.scores(inputs), axis=1)
        weights = weights / (ops.convert_to_tensor(1e-9) + ops.sum(weights, axis=-1, keepdims=True))
        rates = ops.linspace(0.5, 2.0, 4)
        return weights * rates + ops.convert_to_tensor(np.array([0.0, 1.0, 0.0, 1.0], "float32"))


inputs = keras.Input(shape=(3, 2))
outputs = NormalizedAttention(4)(inputs)
model = keras.Model(inputs, outputs)
model.summary()
data = np.arange(12, dtype="float32").reshape(2, 3, 2) / 12.0
print(model.predict(data, verbose=0))
