# Imports a model file carries but never uses: a standard-library function (`operator.xor`), and
# TensorFlow's own old copy of Keras beside tf.keras, a habit of older course files. Python imports
# them and nothing follows; the model is built with tf.keras. A module TensorFlow 2.21 no longer
# ships (`layers.normalization` of that copy) fails the import itself.
from operator import xor
from functools import lru_cache
import numpy as np
from tensorflow.python.keras.models import Sequential
from tensorflow.python.keras.layers.core import Dense as OldDense
from tensorflow import keras

model = keras.Sequential([keras.Input((6,)), keras.layers.Dense(4), keras.layers.Dense(1)])
model.summary()
print(np.prod(model.output_shape[1:]))
from tensorflow.python.keras.layers.normalization import BatchNormalization
