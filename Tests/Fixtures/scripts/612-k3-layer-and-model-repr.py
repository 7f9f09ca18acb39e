# How Keras shows layers and models: Keras 3's <Class name=..., built=...> whether the layer is
# built, a model of either kind, and a subclass of Layer or Model that has no __repr__ of its own.
from tensorflow import keras
from tensorflow.keras import layers

ops = keras.ops

hidden = layers.Dense(8, name="hidden")
print(hidden)
inputs = keras.Input((5,))
outputs = layers.Dense(2)(hidden(inputs))
print(hidden, repr(hidden), str(hidden))
model = keras.Model(inputs, outputs, name="tiny")
print(model)
print(model.layers, ops.shape(outputs))
print(f"first: {model.layers[0]}")
stack = keras.Sequential([layers.Dense(3)], name="stack")
print(stack, stack.built)
stack.build((None, 4))
print(stack)


class Scale(layers.Layer):
    def call(self, x):
        return x * 2.0


class Named(layers.Layer):
    def __repr__(self):
        return "Named()"


scale = Scale()
print(scale)
print(Scale()(keras.Input((3,))).shape, scale)
_ = scale(keras.Input((3,)))
print(scale, Named())


class Wrapper(keras.Model):
    def __init__(self):
        super().__init__(name="wrapper")
        self.inner = layers.Dense(4)

    def call(self, x):
        return self.inner(x)


wrapper = Wrapper()
print(wrapper)
print({"layer": hidden, "models": [model, wrapper]})
