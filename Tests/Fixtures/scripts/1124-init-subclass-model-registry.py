# A small class hierarchy of model builders registers each subclass as Python defines it
# (`__init_subclass__`, an implicit class method the parents' class statement machinery calls with
# the new class, before its decorators), then builds the registered models by name.
from abc import ABC, abstractmethod

import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

BUILDERS = {}


def tagged(cls):
    cls.tag = cls.__name__.upper()
    return cls


class Builder(ABC):
    kind = "base"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        print("registering", cls.__name__, getattr(cls, "tag", None))
        BUILDERS[cls.__name__.lower()] = cls

    def __init__(self, classes=10):
        self.classes = classes

    @abstractmethod
    def features(self, x): ...

    def build(self):
        inputs = keras.Input(shape=(24, 24, 1))
        x = layers.GlobalAveragePooling2D()(self.features(inputs))
        return keras.Model(inputs, layers.Dense(self.classes)(x), name=type(self).__name__.lower())


@tagged
class Plain(Builder):
    def features(self, x):
        return layers.Conv2D(8, 3, activation="relu")(x)


class Deeper(Plain):
    @classmethod
    def __init_subclass__(cls):
        print("Deeper's hook sees", cls.__name__)

    def features(self, x):
        return layers.Conv2D(16, 3, activation="relu")(super().features(x))


class Deepest(Deeper):
    def features(self, x):
        return layers.Conv2D(4, 1)(super().features(x))


print(sorted(BUILDERS), Plain.tag, Deeper.tag)
for name in sorted(BUILDERS):
    model = BUILDERS[name](classes=3).build()
    print(f"{name:>8}: {model.count_params():>5,} parameters, {len(model.layers)} layers")
try:
    Builder()
except TypeError as error:
    print("TypeError:", error)
