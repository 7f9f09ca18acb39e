# type() of a custom layer or model taken back from a model is the script's class, as for the
# object the script made (Keras keeps the object itself in model.layers).
from tensorflow import keras
from tensorflow.keras import layers


class Gate(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.dense = layers.Dense(units, activation="sigmoid")

    def call(self, inputs):
        return inputs[:, : self.units] * self.dense(inputs)


inputs = keras.Input(shape=(6,))
gate = Gate(3, name="gate")
outputs = gate(inputs)
inner = keras.Model(inputs, outputs, name="inner")
outer = keras.Sequential([keras.Input(shape=(6,)), inner, layers.Dense(1)])
print(type(inner.layers[1]))
print(type(inner.layers[1]) is Gate, type(gate) is Gate)
print(type(inner.layers[1]).__name__, isinstance(inner.layers[1], Gate))
print(type(outer.layers[0]).__name__)
print([type(layer).__name__ for layer in inner.layers])
