# MobileNetV2 inverted residual blocks, with the helper that rounds channels to multiples of 8.
from tensorflow.keras import layers, Model


def _make_divisible(v, divisor, min_value=None):
    if min_value is None:
        min_value = divisor
    new_v = max(min_value, int(v + divisor / 2) // divisor * divisor)
    if new_v < 0.9 * v:
        new_v += divisor
    return new_v


def inverted_res_block(inputs, expansion, stride, alpha, filters, block_id):
    in_channels = inputs.shape[-1]
    pointwise_filters = _make_divisible(int(filters * alpha), 8)
    x = inputs
    prefix = "block_{}_".format(block_id)
    if block_id:
        x = layers.Conv2D(expansion * in_channels, kernel_size=1, padding="same", use_bias=False,
                          activation=None, name=prefix + "expand")(x)
        x = layers.BatchNormalization(epsilon=1e-3, momentum=0.999, name=prefix + "expand_BN")(x)
        x = layers.ReLU(6.0, name=prefix + "expand_relu")(x)
    else:
        prefix = "expanded_conv_"
    if stride == 2:
        x = layers.ZeroPadding2D(padding=((0, 1), (0, 1)), name=prefix + "pad")(x)
    x = layers.DepthwiseConv2D(kernel_size=3, strides=stride, activation=None, use_bias=False,
                               padding="same" if stride == 1 else "valid", name=prefix + "depthwise")(x)
    x = layers.BatchNormalization(epsilon=1e-3, momentum=0.999, name=prefix + "depthwise_BN")(x)
    x = layers.ReLU(6.0, name=prefix + "depthwise_relu")(x)
    x = layers.Conv2D(pointwise_filters, kernel_size=1, padding="same", use_bias=False, activation=None,
                      name=prefix + "project")(x)
    x = layers.BatchNormalization(epsilon=1e-3, momentum=0.999, name=prefix + "project_BN")(x)
    if in_channels == pointwise_filters and stride == 1:
        return layers.Add(name=prefix + "add")([inputs, x])
    return x


alpha = 0.5
img_input = layers.Input(shape=(64, 64, 3))
first_block_filters = _make_divisible(32 * alpha, 8)
x = layers.Conv2D(first_block_filters, kernel_size=3, strides=(2, 2), padding="same", use_bias=False, name="Conv1")(img_input)
x = layers.BatchNormalization(epsilon=1e-3, momentum=0.999, name="bn_Conv1")(x)
x = layers.ReLU(6.0, name="Conv1_relu")(x)
x = inverted_res_block(x, filters=16, alpha=alpha, stride=1, expansion=1, block_id=0)
x = inverted_res_block(x, filters=24, alpha=alpha, stride=2, expansion=6, block_id=1)
x = inverted_res_block(x, filters=24, alpha=alpha, stride=1, expansion=6, block_id=2)
x = inverted_res_block(x, filters=32, alpha=alpha, stride=2, expansion=6, block_id=3)
x = inverted_res_block(x, filters=32, alpha=alpha, stride=1, expansion=6, block_id=4)
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dense(4, activation="softmax", use_bias=True, name="Logits")(x)
model = Model(img_input, x, name="mobilenetv2_%0.2f_%s" % (alpha, 64))
model.summary()
