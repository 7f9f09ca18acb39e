from __future__ import print_function

import os
import sys

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"

from tensorflow import keras
from tensorflow.keras import layers

batch_size = 128
num_classes = 10
img_rows, img_cols = 28, 28


def build():
    model = keras.Sequential()
    model.add(layers.Conv2D(32, kernel_size=(3, 3), activation="relu", input_shape=(img_rows, img_cols, 1)))
    model.add(layers.Conv2D(64, (3, 3), activation="relu"))
    model.add(layers.MaxPooling2D(pool_size=(2, 2)))
    model.add(layers.Dropout(0.25))
    model.add(layers.Flatten())
    model.add(layers.Dense(128, activation="relu"))
    model.add(layers.Dropout(0.5))
    model.add(layers.Dense(num_classes, activation="softmax"))
    return model


if __name__ == "__main__":
    print("TF log level:", os.environ["TF_CPP_MIN_LOG_LEVEL"])
    model = build()
    model.summary()
    print("batch size %d, %d classes" % (batch_size, num_classes))
