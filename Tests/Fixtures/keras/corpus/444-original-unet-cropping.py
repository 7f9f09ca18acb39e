# The original U-Net with valid convolutions: skip connections are cropped to the decoder's size.
from tensorflow.keras import layers, Model
from tensorflow.keras import backend as K


def crop_to(skip, target):
    sh, sw = K.int_shape(skip)[1:3]
    th, tw = K.int_shape(target)[1:3]
    dh, dw = sh - th, sw - tw
    return layers.Cropping2D(cropping=((dh // 2, dh - dh // 2), (dw // 2, dw - dw // 2)))(skip)


def double_conv(x, filters):
    x = layers.Conv2D(filters, 3, activation="relu")(x)
    return layers.Conv2D(filters, 3, activation="relu")(x)


inputs = layers.Input((188, 188, 1))
c1 = double_conv(inputs, 16)
c2 = double_conv(layers.MaxPooling2D(2)(c1), 32)
c3 = double_conv(layers.MaxPooling2D(2)(c2), 64)
u2 = layers.Conv2DTranspose(32, 2, strides=2)(c3)
d2 = double_conv(layers.concatenate([crop_to(c2, u2), u2]), 32)
u1 = layers.Conv2DTranspose(16, 2, strides=2)(d2)
d1 = double_conv(layers.concatenate([crop_to(c1, u1), u1]), 16)
outputs = layers.Conv2D(2, 1, activation="softmax")(d1)
model = Model(inputs, outputs, name="unet_valid")
model.summary()
