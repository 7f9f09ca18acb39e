# NumPy's message for a ragged nesting reports the dimensions it settles on after reading all of it:
# a model's weights (kernels and biases of different ranks) stop at the list's own dimension.
import numpy as np
from tensorflow import keras

model = keras.Sequential(
    [keras.Input(shape=(4,)), keras.layers.Dense(6), keras.layers.Dense(3), keras.layers.Dense(1)]
)
candidates = [
    model.get_weights(),
    [w.shape for w in model.get_weights()],
    [np.ones((3, 2)), np.ones(3)],
    [np.ones((2, 3)), np.ones((2, 4))],
    [[1.0, 2.0], np.ones((2, 2))],
    [[[1, 2], [3, 4]], [[5, 6], [7]]],
    [range(3), range(2)],
    [[], [1]],
]
for value in candidates:
    try:
        print(np.array(value).shape)
    except ValueError as err:
        print(err)
