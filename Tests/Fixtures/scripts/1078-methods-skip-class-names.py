# A method does not see the names its class body binds: `metrics` inside __init__ is the module
# imported at the top, even though the class defines a `metrics` property of its own.
import math
from tensorflow import keras
from tensorflow.keras import layers, metrics


class Regressor(keras.Model):
    def __init__(self):
        super().__init__()
        self.head = layers.Dense(1)
        self.loss_tracker = metrics.Mean(name="loss")

    @property
    def metrics(self):
        return [self.loss_tracker]

    def call(self, x):
        return self.head(x)


model = Regressor()
print(type(model.loss_tracker).__name__, [m.name for m in model.metrics])


class Geometry:
    def diagonal(self, side):
        return math.sqrt(2.0) * side

    half = lambda self, side: math.floor(side / 2)

    def math(self):
        return "the method"


shape = Geometry()
print(round(shape.diagonal(3.0), 4), shape.half(7), shape.math())


def build(width):
    class Block(layers.Layer):
        width = 99

        def describe(self):
            return width

    return Block().describe()


print(build(16))
