from tensorflow import keras
from tensorflow.keras import layers

HPARAMS = {"units": [64, 32], "activation": "relu", "rate": 0.25}


def dense_stack(x, hparams):
    for units in hparams["units"]:
        x = layers.Dense(units, activation=hparams["activation"])(x)
        x = layers.Dropout(hparams["dropout"])(x)
    return x


inputs = keras.Input(shape=(20,))
outputs = layers.Dense(1)(dense_stack(inputs, HPARAMS))
