# A small U-Net with valid convolutions: the skips are cropped to the upsampled size, one level
# upsampled with Conv2DTranspose and the other with UpSampling2D + convolution.
from tensorflow import keras
from tensorflow.keras import layers


def double_conv(x, filters, name):
    x = layers.Conv2D(filters, 3, activation="relu", name=name + "_a")(x)
    return layers.Conv2D(filters, 3, activation="relu", name=name + "_b")(x)


tile = keras.Input(shape=(92, 92, 1), name="tile")
d1 = double_conv(tile, 8, "down1")
p1 = layers.MaxPooling2D(name="pool1")(d1)
d2 = double_conv(p1, 16, "down2")
p2 = layers.MaxPooling2D(name="pool2")(d2)
bottom = double_conv(p2, 32, "bottom")

u2 = layers.Conv2DTranspose(16, 2, strides=2, name="up2")(bottom)
c2 = layers.Cropping2D(((4, 4), (4, 4)), name="crop2")(d2)
u2 = layers.concatenate([c2, u2], name="cat2")
u2 = double_conv(u2, 16, "dec2")

u1 = layers.UpSampling2D(2, interpolation="bilinear", name="up1")(u2)
u1 = layers.Conv2D(8, 2, padding="same", name="up1_conv")(u1)
c1 = layers.Cropping2D(16, name="crop1")(d1)
u1 = layers.Concatenate(name="cat1")([c1, u1])
u1 = double_conv(u1, 8, "dec1")
mask = layers.Conv2D(2, 1, activation="softmax", name="mask")(u1)
unet = keras.Model(tile, mask, name="valid_unet")
unet.summary()
print(unet.output_shape)
print([l.name for l in unet.layers if "crop" in l.name])
