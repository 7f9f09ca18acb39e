# Layer sizes computed with NumPy: tf-keras takes a NumPy integer as the number it stands for,
# Keras 3 checks `isinstance(size, int)` and refuses it.
import numpy as np
from tensorflow import keras

vocabulary = np.int64(5000)
width = np.int64(4) * 4
print(type(width).__name__, width)

for make in (
    lambda: keras.layers.Dense(width),
    lambda: keras.layers.Embedding(vocabulary, 16),
    lambda: keras.layers.Embedding(100, np.int32(8)),
):
    try:
        layer = make()
        print("built", layer.name)
    except ValueError as error:
        print("ValueError:", error)

model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(int(width))])
print(model.count_params())
