# MobileNetV3-style activations written as script functions: relu6(x + 3) / 6 and
# x * relu6(x + 3) / 6 in the forms hand-written backbones use, given to Activation
# layers, as a bound method and as a layer's activation= argument.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras import backend as K


def gate(t):
    return K.relu(t + 3.0, max_value=6.0) / 6.0


def gate_scaled(t):
    return tf.nn.relu6(3.0 + t) * (1.0 / 6.0)


def swish_hard(t):
    return t * K.relu(t + 3.0, max_value=6.0) / 6.0


def swish_gated(t):
    return t * gate_scaled(t)


class Blocks:
    def hswish(self, t):
        return t * tf.nn.relu6(t + 3.0) / 6.0


blocks = Blocks()
inputs = keras.Input((6,), name="values")
branches = [
    layers.Activation(gate, name="gate")(inputs),
    layers.Activation(gate_scaled, name="gate_scaled")(inputs),
    layers.Activation(swish_hard, name="swish_hard")(inputs),
    layers.Activation(swish_gated, name="swish_gated")(inputs),
    layers.Activation(blocks.hswish, name="method")(inputs),
    layers.Dense(3, activation=swish_hard, kernel_initializer="ones", name="dense")(inputs),
]
model = keras.Model(inputs, branches)
model.summary()
print([layer.activation.__name__ for layer in model.layers[1:]])
x = np.array([[-4.0, -3.0, -1.5, 0.0, 1.5, 4.0]], dtype="float32")
for name, out in zip(model.output_names, model.predict(x, verbose=0)):
    print(name, np.round(out, 5))
