# Scripts print which packages they run on: module names and version strings.
import os

import numpy as np
import tensorflow as tf
from tensorflow import keras

print("running on", tf.__name__, tf.version.VERSION, "with", np.__name__)
print("keras module:", tf.keras.__name__, keras.layers.__name__)
print("helpers:", os.path.__name__, tf.config.__name__, tf.nn.__name__)
major, minor, _ = tf.version.VERSION.split(".")
if (int(major), int(minor)) < (2, 4):
    raise SystemError("this notebook needs TensorFlow 2.4 or later")

# %%
model = keras.Sequential(name=f"{np.__name__}_fed")
model.add(keras.Input((5,)))
model.add(keras.layers.Dense(3, activation="softmax"))
model.summary()
