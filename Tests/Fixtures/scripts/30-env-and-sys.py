import os
import sys
import random
import warnings
import datetime

warnings.filterwarnings("ignore")
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import tensorflow as tf
from tensorflow import keras

print(os.environ.get("TF_CPP_MIN_LOG_LEVEL"), os.environ.get("MISSING_VAR", "default"))
print("KERAS_BACKEND" in os.environ, os.getenv("TF_CPP_MIN_LOG_LEVEL"))
model = tf.keras.Sequential([tf.keras.layers.Dense(4, input_shape=(3,))])
model.summary()
