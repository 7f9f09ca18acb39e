# A Kaggle-style script sets pandas' display options before building its model: the options it
# sets most, by full key or by a pattern pandas matches to one key, several pairs in one call, and
# pandas' ValueErrors for values out of range (the old `max_colwidth=-1` idiom among them).
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras

pd.set_option("display.max_columns", None)
pd.set_option("display.max_rows", 200, "display.width", 1000)
pd.set_option("expand_frame_repr", False)
pd.set_option("display.float_format", "{:.3f}".format)
print(pd.set_option("display.precision", 4))
for pattern, value in [("display.max_rows", -5), ("display.width", 12.5), ("display.precision", 2.0),
                       ("float_format", "%.2f"), ("display.max_colwidth", "50")]:
    try:
        pd.set_option(pattern, value)
    except ValueError as error:
        print(pattern, "->", error)
try:
    pd.set_option("display.max_columns")
except ValueError as error:
    print(error)

features = keras.Input(shape=(12,), name="features")
hidden = keras.layers.Dense(16, activation="relu")(features)
model = keras.Model(features, keras.layers.Dense(1)(hidden), name="tabular")
print(model.name, model.count_params())
pd.set_option("max_colwidth", -1)
