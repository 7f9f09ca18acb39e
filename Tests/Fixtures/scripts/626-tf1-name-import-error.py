# TensorFlow 1's top-level seed function is gone in TensorFlow 2: Python's ImportError names the
# package's file (its folder differs from machine to machine, so only the file's tail is printed).
from tensorflow import keras

print(keras.layers.Dense(3).units)
try:
    from tensorflow import set_random_seed
except ImportError as err:
    message = str(err)
    print(message[: message.index(" (")])
    print(message.endswith("tensorflow/__init__.py)"))
try:
    from tensorflow.nn import leaky_relu6
except ImportError as err:
    print(str(err).endswith("tensorflow/_api/v2/nn/__init__.py)"))
