# A two-input model called on one tensor, on a list of one and on a list of three.
from tensorflow import keras
from tensorflow.keras import layers

left = keras.Input(shape=(3,))
right = keras.Input(shape=(3,))
pair = keras.Model([left, right], layers.Dense(2, name="mix")(layers.Add()([left, right])), name="pair")

probe = keras.Input(shape=(3,))
try:
    pair(probe)
except Exception as error:
    print(type(error).__name__, error)
try:
    pair([probe], training=False)
except Exception as error:
    print(type(error).__name__, error)
try:
    extra = pair([probe, probe, probe])
    print(extra.shape)
except Exception as error:
    print(type(error).__name__, error)
