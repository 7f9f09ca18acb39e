# A script may choose TensorFlow's kernels itself: TF_ENABLE_ONEDNN_OPTS set in os.environ before
# TensorFlow is imported decides as the shell's would (0/false: Eigen, 1/true: oneDNN); set after
# the import it changes nothing, TensorFlow read it once. Recorded where TensorFlow runs Eigen and
# replayed as on a machine whose default is oneDNN: the digits stay Eigen's (the softmax of the
# rows and of a Dense layer's output).
import os
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"
import numpy as np
import tensorflow as tf
from tensorflow import keras

os.environ["TF_ENABLE_ONEDNN_OPTS"] = "1"
print(tf.nn.softmax(tf.constant([[1.0, 2.0], [0.5, -3.0]])).numpy().tolist())
head = keras.Sequential([keras.Input((4,)), keras.layers.Dense(5, activation="softmax")])
head.set_weights([np.linspace(-1.0, 1.2, 20, dtype=np.float32).reshape(4, 5), np.zeros(5, np.float32)])
print(head.predict(np.linspace(0.0, 2.0, 12, dtype=np.float32).reshape(3, 4), verbose=0).tolist())
print(os.environ["TF_ENABLE_ONEDNN_OPTS"])
