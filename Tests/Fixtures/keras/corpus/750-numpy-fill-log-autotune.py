# Set-up lines around tutorial models: a constant image, evenly spaced float32 values, the
# log-odds of a rare class as an output bias, and the input pipeline's AUTOTUNE constant.
import numpy as np
import tensorflow as tf
from tensorflow import keras

image = np.full((4, 6, 3), 128, dtype="uint8")
print(image.shape, image.dtype, image.max())
print(np.full((2, 3), 0.25))
grid = np.arange(6, dtype="float32").reshape((2, 3)) / 10.0
print(grid.dtype, grid)
print(np.arange(1, 4, dtype=float))

neg, pos = 9000, 120
initial_bias = np.log([pos / neg])
print(initial_bias)
print(np.sqrt(np.array([4.0, 9.0, 2.0])))
print(np.exp(np.array([0.0, 1.0])))

AUTOTUNE = tf.data.AUTOTUNE
print(AUTOTUNE, tf.data.experimental.AUTOTUNE)

model = keras.Sequential([
    keras.Input(shape=(29,)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dropout(0.5),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.summary()

# %%
np.set_printoptions(precision=3, suppress=True)
