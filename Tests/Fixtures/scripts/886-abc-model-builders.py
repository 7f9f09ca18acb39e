# Builders behind an abstract interface: `abc.ABC` / `metaclass=ABCMeta` with `@abstractmethod`
# methods and abstract properties; a class that leaves one abstract cannot be instantiated.
from abc import ABC, ABCMeta, abstractmethod

from tensorflow import keras


class Builder(ABC):
    """Makes one kind of model."""

    @property
    @abstractmethod
    def input_shape(self):
        ...

    @abstractmethod
    def body(self, inputs):
        ...

    def build(self, name):
        inputs = keras.Input(shape=self.input_shape)
        return keras.Model(inputs, self.body(inputs), name=name)


class DenseBuilder(Builder):
    input_shape = (12,)

    def body(self, inputs):
        hidden = keras.layers.Dense(8, activation="relu")(inputs)
        return keras.layers.Dense(3, activation="softmax")(hidden)


class ConvBuilder(Builder):
    def body(self, inputs):
        return keras.layers.Conv2D(4, 3)(inputs)


class Registry(metaclass=ABCMeta):
    @staticmethod
    @abstractmethod
    def names():
        pass

    @classmethod
    @abstractmethod
    def default(cls):
        pass


model = DenseBuilder().build("dense_head")
model.summary()
print(isinstance(DenseBuilder(), Builder), isinstance(DenseBuilder(), ABC))
print(Builder.__mro__)
print(DenseBuilder.__abstractmethods__, ConvBuilder.__abstractmethods__)
print(type(Builder), type(Registry), isinstance(Builder, ABCMeta), Builder.body.__isabstractmethod__)
for kind in (Registry, ConvBuilder, Builder):
    try:
        kind()
    except TypeError as error:
        print(error)
ConvBuilder().build("conv")
