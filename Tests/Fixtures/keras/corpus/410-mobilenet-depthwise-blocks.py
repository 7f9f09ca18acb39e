# MobileNet v1 style: depthwise separable blocks with ReLU6 and explicit asymmetric padding for strides.
from tensorflow.keras import layers, models


def depthwise_block(x, pointwise_filters, strides=(1, 1), block_id=1):
    if strides == (1, 1):
        x_pad = x
    else:
        x_pad = layers.ZeroPadding2D(((0, 1), (0, 1)), name="conv_pad_%d" % block_id)(x)
    x = layers.DepthwiseConv2D((3, 3), padding="same" if strides == (1, 1) else "valid",
                               depth_multiplier=1, strides=strides, use_bias=False,
                               name="conv_dw_%d" % block_id)(x_pad)
    x = layers.BatchNormalization(axis=-1, name="conv_dw_%d_bn" % block_id)(x)
    x = layers.ReLU(6.0, name="conv_dw_%d_relu" % block_id)(x)
    x = layers.Conv2D(pointwise_filters, (1, 1), padding="same", use_bias=False, strides=(1, 1),
                      name="conv_pw_%d" % block_id)(x)
    x = layers.BatchNormalization(axis=-1, name="conv_pw_%d_bn" % block_id)(x)
    return layers.ReLU(6.0, name="conv_pw_%d_relu" % block_id)(x)


img = layers.Input(shape=(96, 96, 3))
x = layers.Conv2D(32, (3, 3), padding="same", use_bias=False, strides=(2, 2), name="conv1")(img)
x = layers.BatchNormalization(name="conv1_bn")(x)
x = layers.ReLU(6.0, name="conv1_relu")(x)
x = depthwise_block(x, 64, block_id=1)
x = depthwise_block(x, 128, strides=(2, 2), block_id=2)
x = depthwise_block(x, 128, block_id=3)
x = depthwise_block(x, 256, strides=(2, 2), block_id=4)
x = layers.GlobalAveragePooling2D(keepdims=True)(x)
x = layers.Dropout(1e-3, name="dropout")(x)
x = layers.Conv2D(3, (1, 1), padding="same", name="conv_preds")(x)
x = layers.Reshape((3,), name="reshape_2")(x)
x = layers.Activation("softmax", name="predictions")(x)
model = models.Model(img, x, name="mobilenet_small")
model.summary()
