import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"

try:
    import tensorflow_addons as tfa
except ImportError as error:
    print("optional package missing:", error)
    tfa = None

from tensorflow import keras
from tensorflow.keras import layers


def normalization(name):
    if tfa is not None:
        return tfa.layers.GroupNormalization(groups=8, name=name)
    return layers.BatchNormalization(name=name)


model = keras.Sequential(
    [
        keras.Input(shape=(64, 64, 3)),
        layers.Conv2D(32, 3, use_bias=False, name="conv"),
        normalization("norm"),
        layers.Activation("relu"),
        layers.GlobalAveragePooling2D(),
        layers.Dense(5),
    ],
    name="with_fallback",
)
model.summary()
