# Incidental lines around a model: environment, backend queries, a main guard, %-formatting.
from __future__ import print_function
import os
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
import math
from tensorflow import keras
from tensorflow.keras import backend as K
from tensorflow.keras import layers


def build(input_shape=(32, 32, 3), classes=10):
    inputs = keras.Input(shape=input_shape)
    x = layers.Conv2D(16, 3, activation="relu")(inputs)
    print("after conv: %s" % (K.int_shape(x),))
    x = layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(classes, activation="softmax")(x)
    return keras.Model(inputs, outputs, name="small")


if __name__ == "__main__":
    print(K.image_data_format(), K.floatx())
    model = build()
    model.summary()
    print("%d parameters, about %.1f thousand" % (model.count_params(), model.count_params() / 1000))
    print(math.ceil(math.log2(model.count_params())))
