import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
model = keras.Sequential([keras.Input((4,)), layers.Dense(2, kernel_initializer="zeros")])
model.compile("sgd", "mse")
model.fit(np.zeros((3, 4)), np.zeros((3, 2)), epochs=1, batch_size=2**63 - 1, verbose=0)
print(model.evaluate(np.zeros((3, 4)), np.zeros((3, 2)), batch_size=2**63 - 1, verbose=0))
