# -*- coding: latin-1 -*-
# Saved by an editor that writes a UTF-8 byte order mark, under a latin-1 declaration:
# CPython refuses the file ("encoding problem: iso-8859-1 with BOM") before it runs.
from tensorflow import keras

print("loaded")
model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
model.summary()
