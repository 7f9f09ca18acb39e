"""Package of script 1171: its modules import each other relatively, as packages do."""
from .backbone import backbone
from . import heads

__all__ = ["backbone", "heads", "build"]


def build(input_shape, classes, widths=(8, 16)):
    from tensorflow import keras

    inputs = keras.Input(shape=input_shape)
    features = backbone(inputs, widths)
    return keras.Model(inputs, heads.classifier(features, classes), name="relative_net")
