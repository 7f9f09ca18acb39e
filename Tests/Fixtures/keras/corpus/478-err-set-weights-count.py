# set_weights with one array too few.
import numpy as np
from tensorflow import keras

model = keras.Sequential([keras.Input(shape=(6,)), keras.layers.Dense(4, name="fc")])
kernel = np.zeros((6, 4))
model.layers[0].set_weights([kernel])
