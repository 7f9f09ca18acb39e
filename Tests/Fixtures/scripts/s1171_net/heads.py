from tensorflow.keras import layers

from . import settings
from .backbone import backbone

USES_BACKBONE = backbone.__module__


def classifier(x, classes=settings.DEFAULT_CLASSES):
    x = layers.GlobalAveragePooling2D(name="gap")(x)
    return layers.Dense(classes, activation="softmax", name=settings.HEAD_NAME)(x)
