# A tutorial script whose author moved the imports around: the future statement now follows
# ordinary imports, which Python refuses before running anything.
import numpy as np
from tensorflow import keras
from __future__ import print_function

model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])
print("built", len(model.layers), np.zeros(2))
