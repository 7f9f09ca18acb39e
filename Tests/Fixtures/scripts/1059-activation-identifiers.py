# What a layer's activation= accepts: the value None means linear, but the string "None" is no
# activation's name in either Keras; names are case- and space-sensitive. A number is no
# identifier: tf-keras raises a TypeError for it, Keras 3 a ValueError.
from tensorflow import keras

for activation in [None, "None", "linear", "RELU", "relu ", "", 7, 2.5]:
    try:
        layer = keras.layers.Dense(2, activation=activation)
        print(repr(activation), "->", layer.get_config()["activation"])
    except (TypeError, ValueError) as error:
        print(repr(activation), "->", type(error).__name__, error)
