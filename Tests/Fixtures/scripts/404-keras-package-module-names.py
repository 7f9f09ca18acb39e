"""The tf_keras package's modules carry the package's own names; tf.keras' its API modules'."""
import tensorflow as tf
import tf_keras
from tf_keras.applications import imagenet_utils

for module, name in [(imagenet_utils, "pad_to"), (tf_keras.layers, "Dense3"), (tf_keras, "nothing")]:
    try:
        getattr(module, name)
    except AttributeError as error:
        print(error)
try:
    tf.keras.applications.imagenet_utils.pad_to
except AttributeError as error:
    print(error)
imagenet_utils.correct_pad
