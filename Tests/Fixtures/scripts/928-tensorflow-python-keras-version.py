# An old notebook prints the versions first, importing Keras from TensorFlow's internal package:
# the package imports in both Kerases, but it has no __version__.
import tensorflow as tf
from tensorflow.python import keras
import tensorflow.python.keras as internal

print("TensorFlow version:", tf.__version__)
print(keras.__name__, internal.__name__, keras is internal)
try:
    print("Keras version:", keras.__version__)
except AttributeError as error:
    print(error)
print("Keras version:", keras.__version__)
