# -*- coding: ascii -*-
# Saved by an editor that declared ASCII, then written to in UTF-8: CPython cannot
# switch its tokenizer to ASCII for this file and stops before anything runs.
from tensorflow import keras

# Couche dense à 8 unités
model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(8)])
print(model.count_params())
