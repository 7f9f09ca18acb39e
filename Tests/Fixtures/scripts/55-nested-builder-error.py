# A ResNet-ish builder whose third stage asks for more downsampling than the input allows: the
# traceback lists every builder on the way.
from tensorflow import keras
from tensorflow.keras import layers


def conv_bn(x, filters, kernel_size=3, strides=1):
    x = layers.Conv2D(filters, kernel_size, strides=strides, padding="valid", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    return layers.ReLU()(x)


def stage(x, filters, blocks):
    x = conv_bn(x, filters, strides=2)
    for _ in range(blocks - 1):
        x = conv_bn(x, filters)
    return x


def build(input_shape=(24, 24, 3), widths=(16, 32, 64)):
    inputs = keras.Input(shape=input_shape)
    x = inputs
    for width in widths:
        x = stage(x, width, blocks=2)
        print(width, x.shape)
    return keras.Model(inputs, layers.GlobalAveragePooling2D()(x))


model = build()
model.summary()
