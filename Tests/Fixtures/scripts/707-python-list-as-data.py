# A one-unit regression trained on NumPy columns, then asked about a plain Python list:
# tf-keras takes the list as a batch of one sample, Keras 3's data adapters refuse it.
import numpy as np
import tensorflow as tf
from tensorflow import keras

tf.random.set_seed(7)
xs = np.array([-1.0, 0.0, 1.0, 2.0, 3.0, 4.0], dtype=float)
ys = np.array([-3.0, -1.0, 1.0, 3.0, 5.0, 7.0], dtype=float)

model = keras.Sequential([keras.layers.Dense(units=1, input_shape=[1])])
model.compile(optimizer="sgd", loss="mean_squared_error")
model.fit(xs, ys, epochs=3, verbose=0)
print("trained")
print(model.predict([10.0], verbose=0).shape)
