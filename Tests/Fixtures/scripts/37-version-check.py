import tensorflow as tf
from tensorflow import keras

print("TensorFlow", tf.__version__)
major = int(tf.__version__.split(".")[0])
assert major >= 2, "TensorFlow 2 needed"
print("Keras", keras.__version__)
