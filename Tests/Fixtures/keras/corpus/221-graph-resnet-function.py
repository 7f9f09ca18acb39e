# Residual stages written with a helper function, as ResNet tutorials do.
from tensorflow import keras
from tensorflow.keras import layers


def conv_bn(x, filters, kernel_size, strides=1):
    x = layers.Conv2D(filters, kernel_size, strides=strides, padding="same", use_bias=False)(x)
    return layers.BatchNormalization()(x)


def basic_block(x, filters, strides=1):
    shortcut = x
    out = conv_bn(x, filters, 3, strides)
    out = layers.ReLU()(out)
    out = conv_bn(out, filters, 3)
    if strides != 1:
        shortcut = conv_bn(x, filters, 1, strides)
    out = layers.Add()([out, shortcut])
    return layers.ReLU()(out)


inputs = keras.Input(shape=(32, 32, 3))
x = conv_bn(inputs, 16, 3)
x = layers.ReLU()(x)
x = basic_block(x, 16)
x = basic_block(x, 32, strides=2)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10)(x)
resnet = keras.Model(inputs, outputs, name="resnet_mini")
resnet.summary()
