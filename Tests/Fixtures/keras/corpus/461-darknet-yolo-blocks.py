# Darknet-style backbone (YOLOv3): conv-BN-LeakyReLU units, top-left padding before strided convs, residuals.
from tensorflow.keras.layers import Input, Conv2D, BatchNormalization, LeakyReLU, ZeroPadding2D, Add, UpSampling2D, Concatenate
from tensorflow.keras.regularizers import l2
from tensorflow.keras.models import Model


def DarknetConv(x, filters, size, strides=1, batch_norm=True):
    if strides == 1:
        padding = 'same'
    else:
        x = ZeroPadding2D(((1, 0), (1, 0)))(x)
        padding = 'valid'
    x = Conv2D(filters=filters, kernel_size=size, strides=strides, padding=padding,
               use_bias=not batch_norm, kernel_regularizer=l2(0.0005))(x)
    if batch_norm:
        x = BatchNormalization()(x)
        x = LeakyReLU(alpha=0.1)(x)
    return x


def DarknetResidual(x, filters):
    prev = x
    x = DarknetConv(x, filters // 2, 1)
    x = DarknetConv(x, filters, 3)
    x = Add()([prev, x])
    return x


def DarknetBlock(x, filters, blocks):
    x = DarknetConv(x, filters, 3, strides=2)
    for _ in range(blocks):
        x = DarknetResidual(x, filters)
    return x


inputs = Input([64, 64, 3])
x = DarknetConv(inputs, 16, 3)
x = DarknetBlock(x, 32, 1)
x = x_36 = DarknetBlock(x, 64, 2)
x = DarknetBlock(x, 128, 2)
x = DarknetConv(x, 64, 1)
x = UpSampling2D(2)(x)
x = Concatenate()([x, x_36])
output = DarknetConv(x, 3 * (5 + 4), 1, batch_norm=False)
model = Model(inputs, output, name='yolo_tiny')
model.summary()
