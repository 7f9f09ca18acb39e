# ShuffleNet units written with Lambda layers: channel split by slicing, channel shuffle by
# K.reshape / K.permute_dimensions on the static shape, and grouped 1x1 convolutions built from
# slices, concatenated back.
from tensorflow.keras import backend as K
from tensorflow.keras.layers import (Activation, AveragePooling2D, BatchNormalization, Concatenate,
                                     Conv2D, DepthwiseConv2D, GlobalMaxPooling2D, Input, Lambda)
from tensorflow.keras.models import Model


def channel_split(x, name=""):
    half = x.shape.as_list()[-1] // 2
    left = Lambda(lambda z: z[:, :, :, 0:half], name="%s/split_left" % name)(x)
    right = Lambda(lambda z: z[:, :, :, half:], name="%s/split_right" % name)(x)
    return left, right


def channel_shuffle(x, groups):
    height, width, channels = x.shape.as_list()[1:]
    per_group = channels // groups
    x = K.reshape(x, [-1, height, width, groups, per_group])
    x = K.permute_dimensions(x, (0, 1, 2, 4, 3))
    return K.reshape(x, [-1, height, width, channels])


def group_conv(x, in_channels, out_channels, groups, name):
    if groups == 1:
        return Conv2D(out_channels, 1, use_bias=False, name=name)(x)
    step = in_channels // groups
    outputs = []
    for group in range(groups):
        start = group * step
        piece = Lambda(lambda z, s=start: z[:, :, :, s:s + step], name="%s/g%d_slice" % (name, group))(x)
        outputs.append(Conv2D(out_channels // groups, 1, use_bias=False,
                              name="%s/g%d" % (name, group))(piece))
    return Concatenate(name="%s/concat" % name)(outputs)


def unit_v1(x, out_channels, groups, strides, name):
    in_channels = x.shape.as_list()[-1]
    bottleneck = out_channels // 4
    y = group_conv(x, in_channels, bottleneck, groups, name + "/gconv1")
    y = BatchNormalization(name=name + "/bn1")(y)
    y = Activation("relu", name=name + "/relu1")(y)
    y = Lambda(channel_shuffle, arguments={"groups": groups}, name=name + "/shuffle")(y)
    y = DepthwiseConv2D(3, strides=strides, padding="same", use_bias=False, name=name + "/dw")(y)
    y = BatchNormalization(name=name + "/bn2")(y)
    if strides == 2:
        y = group_conv(y, bottleneck, out_channels - in_channels, groups, name + "/gconv2")
        shortcut = AveragePooling2D(3, strides=2, padding="same", name=name + "/avg")(x)
        return Concatenate(name=name + "/join")([y, shortcut])
    y = group_conv(y, bottleneck, out_channels, groups, name + "/gconv2")
    return Activation("relu", name=name + "/out")(y)


def unit_v2(x, name):
    left, right = channel_split(x, name)
    channels = right.shape.as_list()[-1]
    right = Conv2D(channels, 1, activation="relu", name=name + "/pw1")(right)
    right = DepthwiseConv2D(3, padding="same", name=name + "/dw")(right)
    right = Conv2D(channels, 1, activation="relu", name=name + "/pw2")(right)
    merged = Concatenate(name=name + "/concat")([left, right])
    return Lambda(channel_shuffle, arguments={"groups": 2}, name=name + "/shuffle")(merged)


inputs = Input((32, 32, 3))
x = Conv2D(24, 3, strides=2, padding="same", name="conv1")(inputs)
x = unit_v1(x, 240, 3, 2, "stage2_1")
x = unit_v1(x, 240, 3, 1, "stage2_2")
x = unit_v2(x, "stage3_1")
x = GlobalMaxPooling2D()(x)
model = Model(inputs, x)
model.summary()
print(model.layers[-2].output_shape if hasattr(model.layers[-2], "output_shape") else None)
