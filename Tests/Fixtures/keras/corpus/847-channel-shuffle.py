# ShuffleNet units: grouped 1x1 convolutions, a channel shuffle made of Reshape, Permute and
# Reshape, a depthwise convolution, and the strided unit that concatenates an average-pooled
# shortcut.
from tensorflow import keras
from tensorflow.keras import layers


def shuffle(x, groups, name):
    h, w, c = x.shape[1], x.shape[2], x.shape[3]
    x = layers.Reshape((h, w, groups, c // groups), name=name + "_split")(x)
    x = layers.Permute((1, 2, 4, 3), name=name + "_swap")(x)
    return layers.Reshape((h, w, c), name=name + "_merge")(x)


def unit(x, out_ch, groups, stride, name):
    y = layers.Conv2D(out_ch // 4, 1, groups=groups, use_bias=False, name=name + "_gconv1")(x)
    y = layers.BatchNormalization(name=name + "_bn1")(y)
    y = layers.ReLU(name=name + "_relu")(y)
    y = shuffle(y, groups, name + "_shuffle")
    y = layers.DepthwiseConv2D(3, strides=stride, padding="same", use_bias=False, name=name + "_dw")(y)
    y = layers.BatchNormalization(name=name + "_bn2")(y)
    if stride == 2:
        y = layers.Conv2D(out_ch - x.shape[-1], 1, groups=groups, use_bias=False, name=name + "_gconv2")(y)
        shortcut = layers.AveragePooling2D(3, strides=2, padding="same", name=name + "_pool")(x)
        return layers.ReLU(name=name + "_out")(layers.concatenate([shortcut, y], name=name + "_cat"))
    y = layers.Conv2D(out_ch, 1, groups=groups, use_bias=False, name=name + "_gconv2")(y)
    return layers.ReLU(name=name + "_out")(layers.add([x, y], name=name + "_add"))


pic = keras.Input(shape=(32, 32, 24))
z = unit(pic, 96, 4, 2, "s2u1")
z = unit(z, 96, 4, 1, "s2u2")
shuffle_net = keras.Model(pic, z, name="shufflenet_stage")
shuffle_net.summary()
print(shuffle_net.get_layer("s2u1_shuffle_swap").output_shape, shuffle_net.count_params())
