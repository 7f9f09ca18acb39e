# Keras 3 dropped tf-keras' RegNet models (keras.applications has no `regnet`), and Keras 3's
# pre-release package keras_core is not installed beside it.
from tensorflow import keras

try:
    import keras_core as kc
except ModuleNotFoundError as error:
    print(type(error).__name__, error)
try:
    from tensorflow.keras.applications.regnet import RegNetX002
    print("imported")
except ModuleNotFoundError as error:
    print(type(error).__name__, error)
try:
    from tensorflow.keras.applications import RegNetY004
    print("imported")
except ImportError as error:
    print(type(error).__name__)
print(hasattr(keras.applications, "regnet"), hasattr(keras.applications, "ResNet50V2"))
print(hasattr(keras.applications, "RegNetX002"), hasattr(keras.applications, "ResNetRS50"))
