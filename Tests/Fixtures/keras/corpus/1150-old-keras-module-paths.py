# Scripts written for Keras 1 and 2 import modules that later versions dropped. Python imports a
# dotted path one package at a time and names the first one that is missing.
import keras
from keras import layers


def attempt(label, importer):
    try:
        importer()
        print(label, "imported")
    except ImportError as error:
        print(label, type(error).__name__, "-", error)


def engine_topology():
    from keras.engine.topology import Layer  # noqa: F401


def engine_package():
    import keras.engine  # noqa: F401


def input_layer_module():
    from keras.engine.input_layer import Input  # noqa: F401


def scikit_wrapper():
    from keras.wrappers.scikit_learn import KerasRegressor  # noqa: F401


def scikit_wrapper_through_tensorflow():
    from tensorflow.keras.wrappers.scikit_learn import KerasClassifier  # noqa: F401


def merge_module():
    from keras.layers.merge import add  # noqa: F401


def generic_utils():
    from keras.utils.generic_utils import get_custom_objects  # noqa: F401


def layer_core():
    import keras.layers.core  # noqa: F401


for label, importer in [
    ("topology", engine_topology),
    ("engine", engine_package),
    ("input_layer", input_layer_module),
    ("scikit_learn", scikit_wrapper),
    ("tf scikit_learn", scikit_wrapper_through_tensorflow),
    ("merge", merge_module),
    ("generic_utils", generic_utils),
    ("core", layer_core),
]:
    attempt(label, importer)

model = keras.Sequential([keras.Input((6,)), layers.Dense(3)])
print(model.count_params())

from keras.engine.training import Model  # noqa: E402,F401
