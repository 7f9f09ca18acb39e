# Sizes no machine holds: NumPy's own errors, before anything is allocated.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

attempts = [
    lambda: np.zeros((2**40, 2**40)),
    lambda: np.ones((0, 2**62)),
    lambda: np.full((2**61, 0, 4), 1.0),
    lambda: np.eye(2**33),
    lambda: np.eye(3, k=2**62).sum(),
    lambda: np.diag(np.ones(2), k=2**62),
    lambda: np.zeros(4).reshape(2**32, 2**32),
    lambda: np.zeros(4).reshape(2**32, 2**32, -1),
    lambda: np.zeros((-1, 3)),
    lambda: np.array([[[1]]] * 2 + [[[1, 2]]]),
]
for attempt in attempts:
    try:
        print(attempt())
    except ValueError as error:
        print("ValueError:", error)

model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(2)])
model.summary()
print(np.diag(np.arange(9).reshape(3, 3), k=-5), np.diag(np.arange(6).reshape(2, 3), 2))
np.array([np.zeros(3), np.zeros(4)])
