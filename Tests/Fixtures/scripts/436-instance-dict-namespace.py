# An instance's __dict__ (and vars()) is its namespace: hyper-parameter classes fill it with
# self.__dict__.update(kwargs), and changes either way show through the same dict.
from tensorflow import keras


class HParams:
    dropout = 0.1

    def __init__(self, **settings):
        self.__dict__.update(settings)
        self.__dict__["name"] = "run-1"

    @property
    def width(self):
        return self.units * 2


hp = HParams(units=16, layers=2)
print(hp.units, hp.layers, hp.name, hp.dropout, hp.width, vars(hp))
space = vars(hp)
space["units"] = 8
del space["name"]
hp.seed = 3
print(hp.units, hasattr(hp, "name"), space, sorted(hp.__dict__))
model = keras.Sequential(
    [keras.Input(shape=(4,))]
    + [keras.layers.Dense(hp.units, activation="relu") for _ in range(hp.layers)]
    + [keras.layers.Dropout(hp.dropout), keras.layers.Dense(1)]
)
print([layer.name for layer in model.layers], model.count_params())
