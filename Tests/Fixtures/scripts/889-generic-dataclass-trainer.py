# A generic dataclass base (`typing.Generic[M]` with `ABC`) whose abstract properties a Keras
# subclass fills in; `Base[keras.Model]` as a base is the class itself. types.FunctionType
# checks what is a function.
import typing as t
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from types import FunctionType

from tensorflow import keras

M = t.TypeVar("M")


@dataclass
class Runner(t.Generic[M], ABC):
    _built: t.Optional[M] = field(default=None, init=False)

    @property
    @abstractmethod
    def shape(self) -> t.Tuple[int, ...]:
        ...

    @abstractmethod
    def make(self, *layers: t.Any) -> M:
        ...

    def build(self, *layers: t.Any) -> M:
        self._built = self.make(*layers)
        if tuple(self._built.input_shape[1:]) != self.shape:
            raise ValueError(f"expected {self.shape}, got {self._built.input_shape[1:]}")
        return self._built


@dataclass
class KerasRunner(Runner[keras.Model]):
    width: int = 6

    @property
    def shape(self) -> t.Tuple[int, ...]:
        return (self.width,)

    def make(self, *layers: keras.layers.Layer) -> keras.Model:
        model = keras.Sequential([keras.Input(shape=self.shape), *layers])
        model.summary()
        return model


def helper():
    return 1


runner = KerasRunner()
print(runner)
model = runner.build(keras.layers.Dense(4), keras.layers.Dense(1))
print(model.count_params(), isinstance(runner, Runner), isinstance(helper, FunctionType))
print(isinstance(print, FunctionType), isinstance(lambda: 0, FunctionType), FunctionType)
KerasRunner(width=3).build(keras.layers.Dense(2))
print(Runner[int]())
