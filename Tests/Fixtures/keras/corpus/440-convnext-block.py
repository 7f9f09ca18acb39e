# ConvNeXt-style blocks: 7x7 depthwise convolution, layer norm, inverted MLP with Dense layers, residual add.
import keras
from keras import layers


def convnext_block(x, dim, name):
    shortcut = x
    x = layers.DepthwiseConv2D(kernel_size=7, padding="same", name=name + "_depthwise_conv")(x)
    x = layers.LayerNormalization(epsilon=1e-6, name=name + "_layernorm")(x)
    x = layers.Dense(4 * dim, name=name + "_pointwise_conv_1")(x)
    x = layers.Activation("gelu", name=name + "_gelu")(x)
    x = layers.Dense(dim, name=name + "_pointwise_conv_2")(x)
    return layers.Add(name=name + "_add")([shortcut, x])


inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(48, kernel_size=4, strides=4, name="stem_conv")(inputs)
x = layers.LayerNormalization(epsilon=1e-6, name="stem_layernorm")(x)
for i in range(2):
    x = convnext_block(x, 48, name="stage0_block%d" % i)
x = layers.LayerNormalization(epsilon=1e-6, name="downsample_layernorm")(x)
x = layers.Conv2D(96, kernel_size=2, strides=2, name="downsample_conv")(x)
x = convnext_block(x, 96, name="stage1_block0")
x = layers.GlobalAveragePooling2D()(x)
x = layers.LayerNormalization(epsilon=1e-6, name="head_layernorm")(x)
outputs = layers.Dense(100, name="head_dense")(x)
model = keras.Model(inputs, outputs, name="convnext_mini")
model.summary()
