# Keras 3 tracks a keras.Variable set on a custom layer as one of its weights; a keras.ops
# function given as an activation runs with its own defaults.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

ops = keras.ops

offset = keras.Variable(1.5, name="offset")
print(offset)
print(offset.path, offset.name, offset.dtype, offset.trainable, offset.shape)
table = keras.Variable(np.arange(4.0))
print(table)
counts = keras.Variable([3, 1], trainable=False)
print(counts, counts.trainable)


class ScaleShift(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.scale = keras.Variable(ops.ones((1, units)) * 2.0, name="scale")
        self.bias_term = keras.Variable(0.25, trainable=False)

    def build(self, input_shape):
        self.shift = keras.Variable(ops.ones((input_shape[-1],)) * 0.5, name="shift")

    def call(self, inputs):
        return inputs * self.scale + self.shift - self.bias_term


inputs = keras.Input(shape=(3,))
hidden = layers.Dense(3, activation=ops.gelu, kernel_initializer="identity")(inputs)
block = ScaleShift(3)
outputs = block(hidden)
relu_out = layers.Activation(ops.relu)(outputs)
model = keras.Model(inputs, relu_out)
model.summary()
print([w.path for w in model.weights])
print([w.path for w in block.trainable_weights], [w.path for w in block.non_trainable_weights])
print(block.count_params(), model.count_params())
print(block.scale)
print(model.predict(np.array([[0.5, -1.0, 2.0], [0.0, 0.25, -0.75]]), verbose=0))

try:
    keras.Variable(1.0, name="a/b")
except ValueError as error:
    print("refused:", error)
