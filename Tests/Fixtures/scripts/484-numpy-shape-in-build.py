# Building a model from a shape computed with NumPy: Keras 3 takes the NumPy integers, tf-keras
# reads a shape of Python ints only and fails on them; int() makes the shape both accept.
import numpy as np
from tensorflow import keras

patch = (4, 4)
for shape in [(None, np.prod(patch)), (np.int64(2), np.prod(patch)), (None, int(np.prod(patch)))]:
    model = keras.Sequential([keras.layers.Dense(3)])
    try:
        model.build(input_shape=shape)
        print("built", model.count_params())
    except ValueError as error:
        print("ValueError:", error)

weights = model.layers[0].get_weights()[1]
for value in weights + np.float32(0.1):
    print(f"{value} {value:.3f}", str(value), repr(value))
