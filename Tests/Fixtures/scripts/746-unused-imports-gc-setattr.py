# Imports a data script keeps at its top, used (if at all) by code that never runs here.
import gc
from array import array
from email.mime import base
from PIL import Image
import scipy
import h5py
import subprocess, traceback

from tensorflow import keras
from tensorflow.keras import layers


class TwoDense(layers.Layer):
    """Tracks its sublayers under their own names, as keras-tcn does."""

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.stack = []
        for index in range(2):
            dense = layers.Dense(units, name=f"step_{index}")
            self.stack.append(dense)
            self.__setattr__(dense.name, dense)
        self.__setattr__("units", units)

    def call(self, inputs):
        for dense in self.stack:
            inputs = dense(inputs)
        return inputs


def build(units):
    inputs = keras.Input((6,))
    outputs = TwoDense(units, name="pair")(inputs)
    return keras.Model(inputs, outputs)


for units in (2, 3):
    model = build(units)
    pair = model.layers[-1]
    print(units, model.count_params(), pair.units, pair.step_1.units)
    del model
    keras.backend.clear_session()
    gc.collect()
