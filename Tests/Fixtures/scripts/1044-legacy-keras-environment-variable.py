# A script that sets TF_USE_LEGACY_KERAS=1 itself before it reaches tf.keras gets tf-keras 2.21
# from `tensorflow.keras`, whatever Keras is installed as the default: the table is tf-keras'.
import os

os.environ["TF_USE_LEGACY_KERAS"] = "1"

import tensorflow as tf
from tensorflow import keras

model = keras.Sequential([keras.layers.Dense(2, input_shape=(3,), name="out")])
model.summary()
print([w.name for w in model.weights])
