# A file from a package, run as a script: its relative imports live in functions that build
# optional models, and only the one that runs meets Python's ImportError.
import tensorflow as tf


def build_small(classes):
    return tf.keras.Sequential(
        [tf.keras.Input((16,)), tf.keras.layers.Dense(classes, activation="softmax")]
    )


def build_pretrained(classes):
    from .backbones import resnet_stub  # only reached when this builder is chosen

    return resnet_stub(classes)


builders = {"small": build_small, "pretrained": build_pretrained}
model = builders["small"](4)
print(model.name, model.count_params())
try:
    builders["pretrained"](4)
except ImportError as error:
    print(type(error).__name__, error)
from . import settings  # noqa: E402
