# A hand-written MobileNetV3 block stack as backbone repositories write it: hard_swish and
# hard_sigmoid as script functions (one through K.relu with max_value, one making a ReLU layer),
# squeeze-and-excitation with Reshape and Multiply, and depthwise convolutions.
import tensorflow as tf
from tensorflow.keras import backend as K
from tensorflow.keras.layers import (Activation, Add, BatchNormalization, Conv2D, DepthwiseConv2D,
                                     GlobalAveragePooling2D, Input, Multiply, ReLU, Reshape)
from tensorflow.keras.models import Model


def hard_swish(x):
    return x * K.relu(x + 3.0, max_value=6.0) / 6.0


def hard_sigmoid(x):
    return ReLU(6.)(x + 3.) * (1. / 6.)


def squeeze(inputs, prefix):
    channels = int(inputs.shape[-1])
    x = GlobalAveragePooling2D(name=prefix + "_squeeze")(inputs)
    x = Reshape((1, 1, channels), name=prefix + "_reshape")(x)
    x = Conv2D(max(channels // 4, 8), 1, activation="relu", name=prefix + "_reduce")(x)
    x = Conv2D(channels, 1, name=prefix + "_expand")(x)
    x = Activation(hard_sigmoid, name=prefix + "_gate")(x)
    return Multiply(name=prefix + "_excite")([inputs, x])


def bneck(inputs, expansion, filters, kernel, strides, use_se, act, prefix):
    in_channels = int(inputs.shape[-1])
    x = Conv2D(expansion, 1, use_bias=False, name=prefix + "_expand")(inputs)
    x = BatchNormalization(name=prefix + "_expand_bn")(x)
    x = Activation(act, name=prefix + "_expand_act")(x)
    x = DepthwiseConv2D(kernel, strides=strides, padding="same", use_bias=False,
                        name=prefix + "_depthwise")(x)
    x = BatchNormalization(name=prefix + "_depthwise_bn")(x)
    x = Activation(act, name=prefix + "_depthwise_act")(x)
    if use_se:
        x = squeeze(x, prefix + "_se")
    x = Conv2D(filters, 1, use_bias=False, name=prefix + "_project")(x)
    x = BatchNormalization(name=prefix + "_project_bn")(x)
    if strides == 1 and in_channels == filters:
        x = Add(name=prefix + "_add")([inputs, x])
    return x


inputs = Input((64, 64, 3))
x = Conv2D(16, 3, strides=2, padding="same", use_bias=False, name="stem")(inputs)
x = BatchNormalization(name="stem_bn")(x)
x = Activation(hard_swish, name="stem_act")(x)
settings = [(16, 16, 3, 2, True, "relu"), (72, 24, 3, 2, False, "relu"),
            (88, 24, 3, 1, False, "relu"), (96, 40, 5, 2, True, hard_swish),
            (240, 40, 5, 1, True, hard_swish)]
for index, (expansion, filters, kernel, strides, use_se, act) in enumerate(settings):
    x = bneck(x, expansion, filters, kernel, strides, use_se, act, "block%d" % index)
x = Conv2D(288, 1, name="last_conv")(x)
x = Activation(hard_swish)(x)
x = GlobalAveragePooling2D()(x)
model = Model(inputs, x, name="mobilenetv3_like")
model.summary()
print(len(model.layers), model.count_params())
