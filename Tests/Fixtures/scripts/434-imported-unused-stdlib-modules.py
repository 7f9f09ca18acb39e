# Modules that notebooks import beside model code and often never use: the import works, and a
# name the module lacks is Python's AttributeError.
import gc
import io
import inspect
import pickle
import shutil
import operator as op
from tensorflow import keras

model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)], name="tiny")
print(model.name, [type(m).__name__ for m in (gc, io, inspect, pickle, shutil, op)])
print(hasattr(shutil, "nothing"))
try:
    io.nothing
except AttributeError as error:
    print(error)
shutil.zzz_missing()
