# A tensor passed to the layer's constructor instead of its call: Flatten and the global
# pooling layers take it as their `data_format`, which tf-keras lower-cases (AttributeError)
# and Keras 3 checks (ValueError, with the tensor lower-cased in the message).
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(12, 12, 3))
features = layers.Conv2D(8, 3)(inputs)
for make in (
    layers.GlobalAveragePooling2D,
    layers.GlobalMaxPooling2D,
    layers.GlobalAveragePooling1D,
    layers.GlobalMaxPool3D,
    layers.Flatten,
):
    try:
        make(features)
    except (AttributeError, ValueError) as error:
        print(make.__name__, type(error).__name__, error)
pooled = layers.GlobalAveragePooling2D(data_format=features)
