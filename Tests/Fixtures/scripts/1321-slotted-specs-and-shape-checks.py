"""A layer spec class with __slots__ (setting another attribute is Python's AttributeError), the
checks tf.TensorShape offers (is_compatible_with, merge_with, with_rank and their errors), and the
name each Keras gives the swish activation (Keras 3 calls it silu)."""
import tensorflow as tf
from tensorflow import keras


class DenseSpec:
    __slots__ = ("units", "activation")

    def __init__(self, units, activation="swish"):
        self.units = units
        self.activation = activation

    def build(self):
        return keras.layers.Dense(self.units, activation=self.activation)


class NamedSpec(DenseSpec):
    __slots__ = "name"


spec = DenseSpec(6)
for attempt, value in (("dropout", 0.5), ("units", 4)):
    try:
        setattr(spec, attempt, value)
        print("set", attempt, spec.units)
    except AttributeError as error:
        print(type(error).__name__, error)
named = NamedSpec(3, "silu")
named.name = "head"
try:
    named.bias = True
except AttributeError as error:
    print(error)
try:
    print(named.missing)
except AttributeError as error:
    print(error)

model = keras.Sequential([keras.Input((5,)), spec.build(), named.build()])
for layer in model.layers:
    print(layer.name, layer.activation.__name__, layer.get_config()["activation"])

feature = tf.TensorShape([None, 7, 7, 32])
print(feature.is_compatible_with([8, 7, 7, 32]), feature.is_compatible_with([8, 7, 7]))
print(feature.is_compatible_with(tf.TensorShape([None, None, 7, 16])))
print(feature.merge_with([16, None, 7, 32]), feature.with_rank(4))
feature.assert_is_compatible_with((2, 7, 7, 32))
for check in ("merge", "rank", "assert"):
    try:
        if check == "merge":
            feature.merge_with([None, 7, 5, 32])
        elif check == "rank":
            feature.with_rank(2)
        else:
            feature.assert_is_compatible_with((2, 7))
    except ValueError as error:
        print(check, error)
