# Built-in classes print as classes (`<class 'zip'>`), built-in functions' type is
# `builtin_function_or_method`; an exception class has its `__mro__`; `object.__new__(cls)` makes
# an instance without running `__init__`; a subclass of keras.Model is a keras.Model.
from tensorflow import keras

print(set, frozenset, type, enumerate, zip, map, filter, reversed, len)
print(type(print), type(len), type(type), type(zip([1], [2])))
print(KeyError.__mro__, type(ValueError("x")).__mro__, bool.__mro__, KeyError.__bases__)


class Settings:
    def __init__(self):
        raise RuntimeError("configure with Settings.empty()")

    @classmethod
    def empty(cls):
        settings = object.__new__(cls)
        settings.units = 4
        return settings


settings = Settings.empty()
print(type(settings).__name__, settings.units)


class Tiny(keras.Model):
    def __init__(self):
        super().__init__()
        self.head = keras.layers.Dense(2)

    def call(self, inputs):
        return self.head(inputs)


tiny = Tiny()
print(isinstance(tiny, keras.Model), isinstance(tiny, keras.layers.Layer), isinstance(tiny, Settings))
Settings()
