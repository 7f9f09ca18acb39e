# Keras 3 looks through lists, tuples and dicts of a layer call's positional arguments: nested
# tensors pass, a number or a string inside one is refused with the value Keras' tree.flatten reaches first.
from tensorflow import keras
from tensorflow.keras import layers

ops = keras.ops


class Pick(layers.Layer):
    def call(self, inputs):
        return inputs["b"]


a = keras.Input((3,), name="a")
b = keras.Input((3,), name="b")
print(ops.shape(b))
try:
    Pick()({"b": b, "a": a, "c": 2.5})
except ValueError as error:
    print("ValueError:", error)
try:
    Pick()([a, (b, "no")])
except ValueError as error:
    print("ValueError:", error)
