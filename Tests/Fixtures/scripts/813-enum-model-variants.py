# Model variants named by enumerations: a plain Enum of head types, an IntEnum of widths used in
# arithmetic, lookups by value and by name, and the errors of a missing one.
from enum import Enum, IntEnum

from tensorflow import keras


class Head(Enum):
    LINEAR = "linear"
    SOFTMAX = "softmax"
    DEFAULT = "softmax"

    def activation(self):
        return None if self is Head.LINEAR else self.value


class Width(IntEnum):
    SMALL = 8
    LARGE = 32


def build(width: Width, head: Head = Head.DEFAULT) -> keras.Model:
    inputs = keras.Input(shape=(12,), name=f"in_{width.name.lower()}")
    x = keras.layers.Dense(width * 2, activation="relu", name=f"hidden_{int(width)}")(inputs)
    x = keras.layers.Dense(width // 2, name=f"bottleneck_{width.value}")(x)
    outputs = keras.layers.Dense(3, activation=head.activation(), name=f"head_{head.name}")(x)
    return keras.Model(inputs, outputs, name=f"variant_{width.name}_{head.value}")


for width in Width:
    model = build(width)
    print(model.name, model.count_params(), width, repr(width), width + 1)
build(Width.SMALL, Head.LINEAR).summary()

print(list(Head), len(Head), Head.DEFAULT is Head.SOFTMAX, Head("linear"), Head["DEFAULT"])
print(Width(32), Width.SMALL < Width.LARGE, Width.LARGE == 32, sorted([Width.LARGE, Width.SMALL]))
print(f"{Head.SOFTMAX} {Width.LARGE}", str(Head.LINEAR), type(Width.SMALL).__name__)
print(isinstance(Width.SMALL, int), isinstance(Head.LINEAR, Enum), isinstance(Head.LINEAR, Width))
print({Head.LINEAR: "regression", Head.SOFTMAX: "classes"}[Head.DEFAULT])
try:
    Head["SIGMOID"]
except KeyError as error:
    print("KeyError:", error)
Width(16)
