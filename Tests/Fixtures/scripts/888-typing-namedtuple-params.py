# Hyperparameters as a `typing.NamedTuple` class (annotated fields, defaults, a docstring) and
# its functional form; a field without a default after one with a default is a TypeError.
from typing import NamedTuple

from tensorflow import keras


class HeadParams(NamedTuple):
    """Sizes of the classifier head."""
    units: int
    activation: str = "relu"
    dropout: float = 0.25


LayerSpec = NamedTuple("LayerSpec", [("filters", int), ("kernel", int)])

params = HeadParams(16)
specs = [LayerSpec(8, 3), LayerSpec(16, 3)]
print(params, params._fields, params._field_defaults, HeadParams.__doc__, LayerSpec.__doc__)
model = keras.Sequential([keras.Input(shape=(28, 28, 1))])
for spec in specs:
    model.add(keras.layers.Conv2D(spec.filters, spec.kernel, activation=params.activation))
model.add(keras.layers.Flatten())
model.add(keras.layers.Dropout(params.dropout))
model.add(keras.layers.Dense(params.units))
print(model.count_params(), params._replace(units=32), tuple(specs[1]))


class Broken(NamedTuple):
    units: int = 4
    activation: str
