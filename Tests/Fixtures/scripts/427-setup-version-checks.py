# The setup cell of a book chapter checks the Python, scikit-learn and TensorFlow releases before
# building its first model.
import sys

assert sys.version_info >= (3, 8), "this chapter needs Python 3.8 or newer"

from packaging import version
import sklearn
import tensorflow as tf

assert version.parse(sklearn.__version__) >= version.parse("1.0.1")
assert version.parse(tf.__version__) >= version.parse("2.8.0")
print(sklearn.__version__ >= "0.20", type(sklearn.__version__).__name__)

model = tf.keras.Sequential([tf.keras.Input(shape=(8,)), tf.keras.layers.Dense(1)])
print(model.count_params())
assert version.parse(sklearn.__version__) < version.parse("1.0"), "an old scikit-learn is needed"
