# ResNeXt bottlenecks: the 3x3 convolution is grouped (groups=cardinality), and the first unit of
# a stage projects its shortcut with a strided 1x1 convolution and batch normalization.
from tensorflow import keras
from tensorflow.keras import layers


def resnext_unit(x, width, out_ch, stride, cardinality, tag):
    if stride != 1 or x.shape[-1] != out_ch:
        sc = layers.Conv2D(out_ch, 1, strides=stride, use_bias=False, name=tag + "_sc")(x)
        sc = layers.BatchNormalization(name=tag + "_sc_bn")(sc)
    else:
        sc = x
    y = layers.Conv2D(width, 1, use_bias=False, name=tag + "_reduce")(x)
    y = layers.BatchNormalization(name=tag + "_bn1")(y)
    y = layers.ReLU(name=tag + "_relu1")(y)
    y = layers.Conv2D(width, 3, strides=stride, padding="same", groups=cardinality, use_bias=False, name=tag + "_grouped")(y)
    y = layers.BatchNormalization(name=tag + "_bn2")(y)
    y = layers.ReLU(name=tag + "_relu2")(y)
    y = layers.Conv2D(out_ch, 1, use_bias=False, name=tag + "_expand")(y)
    y = layers.BatchNormalization(name=tag + "_bn3")(y)
    y = layers.add([y, sc], name=tag + "_add")
    return layers.ReLU(name=tag + "_out")(y)


img = keras.Input(shape=(40, 40, 16))
r = resnext_unit(img, 32, 64, 1, 8, "s1u1")
r = resnext_unit(r, 32, 64, 1, 8, "s1u2")
r = resnext_unit(r, 64, 128, 2, 16, "s2u1")
resnext = keras.Model(img, r, name="resnext_stage")
resnext.summary()
print(resnext.get_layer("s2u1_grouped").count_params())
