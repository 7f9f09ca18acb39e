import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

np.random.seed(42)
tf.random.set_seed(42)

img_size = 28
n_pixels = int(np.prod((img_size, img_size, 1)))
hidden = int(np.sqrt(n_pixels)) * 4
print(n_pixels, hidden, int(np.floor(7.9)), int(np.ceil(7.1)), int(np.log2(64)), round(np.pi, 4))
model = keras.Sequential([
    keras.Input(shape=(n_pixels,)),
    layers.Dense(hidden, activation="relu"),
    layers.Dense(10),
])
model.summary()
