# A failing class body is a traceback frame of its own, for a NamedTuple class as for any other.
from typing import NamedTuple

from tensorflow import keras


class Settings(NamedTuple):
    units: int = 8
    rate: float = units / 0


print(keras.layers.Dense(Settings.units).units)
