# An EfficientNet MBConv block with squeeze-and-excitation, swish and stochastic-depth dropout.
import tensorflow as tf
from tensorflow.keras import layers


def mb_conv(inputs, filters_in, filters_out, expand_ratio, kernel_size, strides, se_ratio, drop_rate, name):
    filters = filters_in * expand_ratio
    if expand_ratio != 1:
        x = layers.Conv2D(filters, 1, padding="same", use_bias=False, name=name + "expand_conv")(inputs)
        x = layers.BatchNormalization(axis=3, name=name + "expand_bn")(x)
        x = layers.Activation("swish", name=name + "expand_activation")(x)
    else:
        x = inputs
    x = layers.DepthwiseConv2D(kernel_size, strides=strides, padding="same", use_bias=False,
                               depthwise_initializer="he_normal", name=name + "dwconv")(x)
    x = layers.BatchNormalization(axis=3, name=name + "bn")(x)
    x = layers.Activation(tf.nn.swish, name=name + "activation")(x)
    filters_se = max(1, int(filters_in * se_ratio))
    se = layers.GlobalAveragePooling2D(name=name + "se_squeeze")(x)
    se = layers.Reshape((1, 1, filters), name=name + "se_reshape")(se)
    se = layers.Conv2D(filters_se, 1, padding="same", activation="swish", name=name + "se_reduce")(se)
    se = layers.Conv2D(filters, 1, padding="same", activation="sigmoid", name=name + "se_expand")(se)
    x = layers.multiply([x, se], name=name + "se_excite")
    x = layers.Conv2D(filters_out, 1, padding="same", use_bias=False, name=name + "project_conv")(x)
    x = layers.BatchNormalization(axis=3, name=name + "project_bn")(x)
    if strides == 1 and filters_in == filters_out:
        x = layers.Dropout(drop_rate, noise_shape=(None, 1, 1, 1), name=name + "drop")(x)
        x = layers.add([x, inputs], name=name + "add")
    return x


inputs = layers.Input(shape=(64, 64, 3))
x = layers.Conv2D(32, 3, strides=2, padding="same", use_bias=False, name="stem_conv")(inputs)
x = layers.BatchNormalization(name="stem_bn")(x)
x = layers.Activation("swish", name="stem_activation")(x)
x = mb_conv(x, 32, 16, 1, 3, 1, 0.25, 0.0, name="block1a_")
x = mb_conv(x, 16, 24, 6, 3, 2, 0.25, 0.0125, name="block2a_")
x = mb_conv(x, 24, 24, 6, 3, 1, 0.25, 0.025, name="block2b_")
x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
outputs = layers.Dense(10, activation="softmax", name="predictions")(x)
model = tf.keras.Model(inputs, outputs, name="efficientnet_tiny")
model.summary()
