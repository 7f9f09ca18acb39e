from tensorflow import keras
from tensorflow.keras import layers


def check_shape(tensor, expected):
    actual = tuple(tensor.shape[1:])
    assert actual == expected, f"expected {expected}, got {actual}"
    return tensor


def encoder(inputs):
    x = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(inputs)
    x = check_shape(x, (14, 14, 32))
    x = layers.Conv2D(64, 3, strides=2, padding="same", activation="relu")(x)
    x = check_shape(x, (7, 7, 64))
    x = layers.Conv2D(128, 3, strides=2, activation="relu")(x)
    return check_shape(x, (4, 4, 128))


inputs = keras.Input(shape=(28, 28, 1))
features = encoder(inputs)
