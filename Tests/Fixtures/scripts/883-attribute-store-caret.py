# An assignment to an attribute that refuses it: CPython 3.11 marks the whole target
# (`Activation.RELU.value`), or only the name when the target spans lines.
from dataclasses import dataclass
from enum import Enum

from tensorflow import keras


class Activation(Enum):
    RELU = "relu"
    TANH = "tanh"


@dataclass(frozen=True)
class HeadConfig:
    units: int = 4


class Head:
    @property
    def activation(self):
        return Activation.RELU.value


config = HeadConfig()
try:
    config.units = 8
except Exception as error:
    print(type(error).__name__, error)
head = Head()
try:
    (head
     .activation) = "tanh"
except AttributeError as error:
    print(error)
layer = keras.layers.Dense(config.units, activation=head.activation)
print(layer.units, layer.activation.__name__)
Activation.RELU.value = "gelu"
