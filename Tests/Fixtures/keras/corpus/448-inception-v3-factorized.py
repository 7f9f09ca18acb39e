# Inception v3 style factorized convolutions: 1x7 and 7x1 kernels and a helper with optional names.
from tensorflow.keras import layers, Model


def conv2d_bn(x, filters, num_row, num_col, padding="same", strides=(1, 1), name=None):
    if name is not None:
        bn_name = name + "_bn"
        conv_name = name + "_conv"
    else:
        bn_name = None
        conv_name = None
    x = layers.Conv2D(filters, (num_row, num_col), strides=strides, padding=padding, use_bias=False, name=conv_name)(x)
    x = layers.BatchNormalization(axis=3, scale=False, name=bn_name)(x)
    x = layers.Activation("relu", name=name)(x)
    return x


img = layers.Input(shape=(35, 35, 64))
branch1x1 = conv2d_bn(img, 32, 1, 1)
branch7x7 = conv2d_bn(img, 24, 1, 1)
branch7x7 = conv2d_bn(branch7x7, 24, 1, 7)
branch7x7 = conv2d_bn(branch7x7, 32, 7, 1)
branch7x7dbl = conv2d_bn(img, 24, 1, 1)
branch7x7dbl = conv2d_bn(branch7x7dbl, 24, 7, 1)
branch7x7dbl = conv2d_bn(branch7x7dbl, 24, 1, 7)
branch_pool = layers.AveragePooling2D((3, 3), strides=(1, 1), padding="same")(img)
branch_pool = conv2d_bn(branch_pool, 32, 1, 1, name="pool_proj")
x = layers.concatenate([branch1x1, branch7x7, branch7x7dbl, branch_pool], axis=3, name="mixed")
reduced = conv2d_bn(x, 64, 3, 3, strides=(2, 2), padding="valid", name="reduce")
model = Model(img, reduced, name="inception_block")
model.summary()
