# SqueezeNet v1.1 for small images: fire modules built by a helper that names its layers.
import tensorflow as tf
from tensorflow.keras import layers, models


def fire_module(x, fire_id, squeeze=16, expand=64):
    prefix = "fire" + str(fire_id) + "_"
    x = layers.Conv2D(squeeze, (1, 1), padding="valid", name=prefix + "squeeze1x1")(x)
    x = layers.Activation("relu", name=prefix + "relu_squeeze1x1")(x)
    left = layers.Conv2D(expand, (1, 1), padding="valid", name=prefix + "expand1x1")(x)
    left = layers.Activation("relu", name=prefix + "relu_expand1x1")(left)
    right = layers.Conv2D(expand, (3, 3), padding="same", name=prefix + "expand3x3")(x)
    right = layers.Activation("relu", name=prefix + "relu_expand3x3")(right)
    return layers.concatenate([left, right], axis=3, name=prefix + "concat")


def SqueezeNet(input_shape=(64, 64, 3), classes=10):
    img_input = layers.Input(shape=input_shape)
    x = layers.Conv2D(64, (3, 3), strides=(2, 2), padding="valid", name="conv1")(img_input)
    x = layers.Activation("relu", name="relu_conv1")(x)
    x = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), name="pool1")(x)
    x = fire_module(x, fire_id=2, squeeze=16, expand=64)
    x = fire_module(x, fire_id=3, squeeze=16, expand=64)
    x = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), name="pool3")(x)
    x = fire_module(x, fire_id=4, squeeze=32, expand=128)
    x = fire_module(x, fire_id=5, squeeze=32, expand=128)
    x = layers.Dropout(0.5, name="drop9")(x)
    x = layers.Conv2D(classes, (1, 1), padding="valid", name="conv10")(x)
    x = layers.Activation("relu", name="relu_conv10")(x)
    x = layers.GlobalAveragePooling2D()(x)
    out = layers.Activation("softmax", name="loss")(x)
    return models.Model(img_input, out, name="squeezenet")


model = SqueezeNet()
model.summary()
print(len(model.layers), model.count_params())
