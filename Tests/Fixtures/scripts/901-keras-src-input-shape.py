# Library code written for Keras 3 takes helpers from Keras' private source tree: the input shape
# check of the applications, and public classes through their private modules.
from tensorflow import keras
from tensorflow.keras import layers
from keras.src.applications import imagenet_utils
from keras.src.applications.imagenet_utils import obtain_input_shape
import keras.src.applications.imagenet_utils as shape_utils


def tiny_backbone(input_shape=None, include_top=True, weights=None, classes=5, name="tiny"):
    input_shape = imagenet_utils.obtain_input_shape(
        input_shape,
        default_size=64,
        min_size=16,
        data_format="channels_last",
        require_flatten=include_top,
        weights=weights,
    )
    print("input shape:", input_shape)
    inputs = layers.Input(shape=input_shape)
    x = layers.Conv2D(8, 3, strides=2, padding="same", activation="relu")(inputs)
    x = layers.GlobalAveragePooling2D()(x)
    if include_top:
        x = layers.Dense(classes, activation="softmax")(x)
    return keras.Model(inputs, x, name=name)


print(obtain_input_shape(None, 224, 32, "channels_last", require_flatten=False))
print(obtain_input_shape(None, 224, 32, "channels_first", True))
print(shape_utils.obtain_input_shape([48, 40, 1], 224, 32, "channels_last", True, weights=None))
print(obtain_input_shape((3, 64, 64), 224, 32, "channels_first", False))
print(obtain_input_shape((224, 224, 3), 224, 32, "channels_last", True, weights="imagenet"))
tiny_backbone().summary()
model = tiny_backbone((None, None, 3), include_top=False, name="headless")
print(model.name, model.output_shape)
for bad in [(8, 8, 3), (32, 32), [64, 64, 3]]:
    try:
        obtain_input_shape(bad, 64, 16, "channels_last", True, weights="imagenet")
    except ValueError as error:
        print("ValueError:", error)
try:
    obtain_input_shape((None, 32, 3), 64, 16, "channels_last", True)
except ValueError as error:
    print("ValueError:", error)
# Model code passes the default as a whole shape too; it only matters where the default is used.
print(obtain_input_shape((40, 40, 3), (224, 224, 3), 32, "channels_last", True))
print(obtain_input_shape(None, (224, 224, 3), 32, "channels_last", False))


def padded_stem(inputs, filters):
    pad = imagenet_utils.correct_pad(inputs, 3)
    print("pad:", pad, imagenet_utils.correct_pad(inputs, (5, 3)))
    x = layers.ZeroPadding2D(padding=pad)(inputs)
    return layers.Conv2D(filters, 3, strides=2, padding="valid")(x)


for size in [(32, 32, 3), (31, 30, 3), (None, None, 3)]:
    stem = keras.Model(*(lambda i: (i, padded_stem(i, 4)))(layers.Input(shape=size)))
    print(size, "->", stem.output_shape)
tiny_backbone((12, 12, 3))
