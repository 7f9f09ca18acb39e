# MobileNet-style blocks on an odd input size: ZeroPadding2D before a strided depthwise
# convolution, ReLU(max_value=6), inverted residuals with Add when shapes allow.
from tensorflow import keras
from tensorflow.keras import layers


def inverted(x, expand, out_ch, stride, tag):
    in_ch = x.shape[-1]
    y = layers.Conv2D(in_ch * expand, 1, use_bias=False, name=tag + "_expand")(x)
    y = layers.BatchNormalization(name=tag + "_expand_bn")(y)
    y = layers.ReLU(6.0, name=tag + "_expand_relu")(y)
    if stride == 2:
        y = layers.ZeroPadding2D(((0, 1), (0, 1)), name=tag + "_pad")(y)
    y = layers.DepthwiseConv2D(3, strides=stride, padding="same" if stride == 1 else "valid", use_bias=False, name=tag + "_dw")(y)
    y = layers.BatchNormalization(name=tag + "_dw_bn")(y)
    y = layers.ReLU(max_value=6, name=tag + "_dw_relu")(y)
    y = layers.Conv2D(out_ch, 1, use_bias=False, name=tag + "_project")(y)
    y = layers.BatchNormalization(name=tag + "_project_bn")(y)
    if stride == 1 and in_ch == out_ch:
        y = layers.Add(name=tag + "_add")([x, y])
    return y


frame = keras.Input(shape=(75, 75, 3))
z = layers.Conv2D(16, 3, strides=2, padding="same", use_bias=False, name="stem")(frame)
z = inverted(z, 1, 16, 1, "b1")
z = inverted(z, 6, 24, 2, "b2")
z = inverted(z, 6, 24, 1, "b3")
z = inverted(z, 6, 32, 2, "b4")
z = layers.GlobalAveragePooling2D()(z)
mobile = keras.Model(frame, z, name="mobile_odd")
mobile.summary()
print(mobile.get_layer("b4_dw").output_shape)
