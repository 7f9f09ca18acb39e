# A DeepLab ASPP head: atrous separable branches, image pooling upsampled back with
# tf.compat.v1.image.resize(align_corners=True) in a Lambda, a decoder that resizes to the
# low-level features' static size, and the logits resized to the input.
import tensorflow as tf
from tensorflow.keras import backend as K
from tensorflow.keras.layers import (Activation, AveragePooling2D, BatchNormalization, Concatenate,
                                     Conv2D, DepthwiseConv2D, Dropout, Input, Lambda)
from tensorflow.keras.models import Model


def sep_conv_bn(x, filters, prefix, rate=1):
    x = DepthwiseConv2D(3, dilation_rate=rate, padding="same", use_bias=False,
                        name=prefix + "_depthwise")(x)
    x = BatchNormalization(name=prefix + "_depthwise_BN", epsilon=1e-5)(x)
    x = Activation(tf.nn.relu)(x)
    x = Conv2D(filters, 1, padding="same", use_bias=False, name=prefix + "_pointwise")(x)
    x = BatchNormalization(name=prefix + "_pointwise_BN", epsilon=1e-5)(x)
    return Activation(tf.nn.relu)(x)


inputs = Input((64, 64, 3))
low = Conv2D(24, 3, strides=4, padding="same", activation="relu", name="low")(inputs)
x = Conv2D(64, 3, strides=2, padding="same", activation="relu", name="deep")(low)
shape_before = tf.keras.backend.int_shape(x)
b4 = AveragePooling2D(pool_size=(shape_before[1], shape_before[2]))(x)
b4 = Conv2D(32, 1, padding="same", use_bias=False, name="image_pooling")(b4)
b4 = BatchNormalization(name="image_pooling_BN", epsilon=1e-5)(b4)
b4 = Activation(tf.nn.relu)(b4)
b4 = Lambda(lambda t: tf.compat.v1.image.resize(t, shape_before[1:3], method="bilinear",
                                                align_corners=True))(b4)
b0 = Conv2D(32, 1, padding="same", use_bias=False, name="aspp0")(x)
b1 = sep_conv_bn(x, 32, "aspp1", rate=2)
b2 = sep_conv_bn(x, 32, "aspp2", rate=4)
x = Concatenate()([b4, b0, b1, b2])
x = Conv2D(32, 1, padding="same", use_bias=False, name="concat_projection")(x)
x = Dropout(0.1)(x)
size_before = K.int_shape(low)
x = Lambda(lambda t: tf.compat.v1.image.resize_bilinear(t, size_before[1:3], align_corners=True),
           name="decoder_upsample")(x)
x = Concatenate()([x, Conv2D(12, 1, name="feature_projection")(low)])
x = Conv2D(5, 1, name="logits")(x)
x = Lambda(lambda t: tf.compat.v1.image.resize(t, (64, 64)), name="to_input_size")(x)
outputs = Activation("softmax")(x)
model = Model(inputs, outputs, name="deeplab_like")
model.summary()
