# Type hints on a layer factory are evaluated when the def runs: a hint naming something the
# installed Keras does not have stops the script right there, before the function is ever
# called. A string hint is only a string, and postponed annotations are never evaluated.
from typing import Callable, Optional

from tensorflow import keras
from tensorflow.keras import layers


def block(width: int, activation: Optional[str] = "relu") -> Callable:
    return lambda x: layers.Dense(width, activation=activation)(x)


def head(classes: "int") -> "keras.layers.Layer":
    return layers.Dense(classes, activation="softmax")


inputs = keras.Input((8,))
outputs = head(3)(block(5)(inputs))
print(keras.Model(inputs, outputs).count_params())

try:

    def shaped(width: int) -> keras.Layer:
        return layers.Dense(width)

    print("defined", shaped(2).units)
except AttributeError as error:
    print("AttributeError:", str(error).split(" has ")[-1])

try:

    def pooled(size: PoolSize = 2):
        return size

except NameError as error:
    print("NameError:", error)
