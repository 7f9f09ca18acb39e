# A block table as EfficientNet ports write it: a namedtuple whose __new__ defaults are set after
# the class is made, and a config class displayed through dir().
import collections
from tensorflow import keras

Stage = collections.namedtuple("Stage", ["filters", "repeats", "stride", "squeeze"])
print(Stage.__new__.__defaults__)
Stage.__new__.__defaults__ = (None,) * len(Stage._fields)
print(Stage.__new__.__defaults__)
print(Stage._field_defaults)
print(Stage(16))
print(Stage(filters=32, stride=2))
Stage.__new__.__defaults__ = (1, 1, None)
print(Stage(8), Stage.__new__.__name__, Stage.__new__.__qualname__)
Stage.__new__.__defaults__ = None
try:
    Stage(8)
except TypeError as error:
    print("TypeError:", error)
try:
    Stage.__new__.__defaults__ = [1]
except TypeError as error:
    print("TypeError:", error)
print(Stage.__new__(Stage, 4, 1, 1, 0.25))

Point = collections.namedtuple("Point", "x y", defaults=[0])
print(Point.__new__.__defaults__, Point(5))


class TrainingSetup:
    NAME = "tiny"
    STAGES = [Stage(8, 1, 1, None), Stage(16, 2, 2, 0.25)]
    LEARNING_RATE = 1e-3

    def __init__(self):
        self.BATCH = 4 * len(self.STAGES)

    def total_repeats(self):
        return sum(stage.repeats for stage in self.STAGES)

    def as_dict(self):
        return {key: getattr(self, key) for key in sorted(dir(self))
                if not key.startswith("__") and not callable(getattr(self, key))}


setup = TrainingSetup()
for key, value in setup.as_dict().items():
    print(f"{key:16}{value}")
names = dir(setup)
print(len(names), names[:3], names[-4:])
print([name for name in dir(TrainingSetup) if not name.startswith("_")])
print("BATCH" in dir(setup), "BATCH" in dir(TrainingSetup))


class Derived(TrainingSetup):
    EXTRA = True


print([name for name in dir(Derived()) if name.isupper()])

model = keras.Sequential([keras.Input((16, 16, 3))])
for stage in setup.STAGES:
    for repeat in range(stage.repeats):
        model.add(keras.layers.Conv2D(stage.filters, 3, strides=stage.stride if repeat == 0 else 1,
                                      padding="same"))
print(model.output_shape, setup.total_repeats(), model.count_params())
