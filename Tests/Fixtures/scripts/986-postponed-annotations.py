from __future__ import annotations

# With postponed annotations a hint is never evaluated, so a hint naming a class defined further
# down the file (or one the installed Keras lacks) costs nothing.
from tensorflow import keras
from tensorflow.keras import layers


def stem(filters: int) -> ConvStem:
    return layers.Conv2D(filters, 3, padding="same", activation="relu")


def classifier(units: int) -> keras.Layer:
    return layers.Dense(units)


inputs = keras.Input((12, 12, 3))
features = layers.GlobalAveragePooling2D()(stem(4)(inputs))
print(keras.Model(inputs, classifier(2)(features)).count_params())
