"""Plain Python classes around model code: class attributes, __init__, methods, inheritance,
super(), staticmethod/classmethod/property, __repr__/__str__, isinstance, and a misspelled
attribute at the end."""
class Config:
    """Hyperparameters."""
    filters = 32
    kernel = 3

    def __init__(self, units, dropout=0.5):
        self.units = units
        self.dropout = dropout

    def describe(self):
        return f"units={self.units} dropout={self.dropout} filters={self.filters}"

    def __repr__(self):
        return f"Config(units={self.units!r}, dropout={self.dropout!r})"


class BigConfig(Config):
    filters = 64

    def __init__(self, units, depth):
        super().__init__(units, dropout=0.25)
        self.depth = depth

    def describe(self):
        return super().describe() + f" depth={self.depth}"

    def __str__(self):
        return "BigConfig with depth " + str(self.depth)

    @staticmethod
    def default_units():
        return 128

    @classmethod
    def small(cls):
        return cls(16, 2)

    @property
    def width(self):
        return self.units * 2


c = Config(10)
b = BigConfig(20, 3)
print(c.describe())
print(b.describe())
print(c, b, [c, b])
print(repr(b), str(c))
print(isinstance(b, Config), isinstance(c, BigConfig), isinstance(b, (int, BigConfig)), isinstance(3, Config))
print(type(b).__name__, b.__class__.__name__, BigConfig.default_units(), b.default_units())
s = BigConfig.small()
print(s.units, s.depth, s.width, type(s) is BigConfig, Config.filters, BigConfig.filters)
print(issubclass(BigConfig, Config), issubclass(Config, BigConfig))
Config.filters = 48
print(c.filters, b.filters, getattr(c, "units"), hasattr(c, "nothing"))
setattr(c, "units", 99)
print(c.units, c.__dict__)
try:
    c.missing
except AttributeError as error:
    print("AttributeError:", error)
try:
    Config()
except TypeError as error:
    print("TypeError:", error)
try:
    b.width = 3
except AttributeError as error:
    print("AttributeError:", error)
try:
    Config.nothing
except AttributeError as error:
    print(error)
print(BigConfig.__mro__)
c.unit
