# Seeded scripts draw Keras' own numbers: NumPy data from np.random.seed, weights from
# keras.utils.set_random_seed, and what the model computes from them prints (rounded).
import numpy as np
from tensorflow import keras

np.random.seed(7)
points = np.random.rand(5, 3).astype("float32")
print(np.round(points, 4), round(float(points.mean()), 4))
keras.utils.set_random_seed(11)
net = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(4, activation="tanh"),
                        keras.layers.Dense(1)])
first = net.layers[0].get_weights()[0]
print(np.round(first, 4))
print(np.round(net.predict(points, verbose=0), 3).ravel())
values = net(points[:2]).numpy()
print(f"{values[0, 0]:.3f}", values.shape, "larger" if values[1, 0] > values[0, 0] else "smaller")
