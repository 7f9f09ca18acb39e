"""get_config / from_config of custom layers and models, and activation lookups custom layers use."""
import tensorflow as tf
from tensorflow import keras


class Shift(keras.layers.Layer):
    def __init__(self, amount=1.0, activation=None, **kwargs):
        super().__init__(**kwargs)
        self.amount = amount
        self.activation = keras.activations.get(activation)

    def call(self, inputs):
        return self.activation(inputs + self.amount)

    def get_config(self):
        config = super().get_config()
        config.update({
            "amount": self.amount,
            "activation": keras.activations.serialize(self.activation),
        })
        return config


class Gate(keras.layers.Layer):
    def __init__(self, width, mode="sigmoid", **kwargs):
        super().__init__(**kwargs)
        self.width = width
        self.mode = mode

    def call(self, inputs):
        return inputs * keras.activations.get(self.mode)(inputs)


class Passthrough(keras.layers.Layer):
    def call(self, inputs):
        return inputs


class Head(keras.Model):
    def __init__(self, classes=3, **kwargs):
        super().__init__(**kwargs)
        self.classes = classes
        self.out = keras.layers.Dense(classes)

    def call(self, inputs):
        return self.out(inputs)

    def get_config(self):
        return {"classes": self.classes, "name": self.name}


shift = Shift(2.0, activation="relu", name="shift_relu")
config = shift.get_config()
print(config)
copy = Shift.from_config(config)
print(type(copy).__name__, copy.name, copy.amount, copy.activation.__name__)
print(Shift().get_config())
print(Gate(8, name="gate").get_config())
print(Gate(4, mode="tanh").get_config())
print(Passthrough().get_config())
for name in ["relu", "tanh", "softmax", None]:
    function = keras.activations.get(name)
    print(name, function.__name__, keras.activations.serialize(function))
print(keras.activations.get(keras.activations.sigmoid).__name__)
inputs = keras.Input(shape=(6,))
x = keras.layers.Dense(6)(inputs)
x = Shift(0.5, activation="tanh")(x)
x = Gate(6)(x)
x = Passthrough()(x)
model = keras.Model(inputs, Head(2)(x))
model.summary()
head = Head(5, name="five")
print(head.get_config(), Head.from_config(head.get_config()).classes)
try:
    keras.activations.get("not_an_activation")
except ValueError as error:
    print("ValueError:", error)
try:
    Gate(3, units=3)
except (TypeError, ValueError) as error:
    print(type(error).__name__, error)
