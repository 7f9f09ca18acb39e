# A small encoder that hands back its feature maps at three scales, reused as one layer of a
# U-Net-style decoder: the encoder's outputs feed the skip connections.
from tensorflow import keras
from tensorflow.keras import layers

enc_in = keras.Input(shape=(32, 32, 3))
f1 = layers.Conv2D(8, 3, padding="same", activation="relu", name="enc_conv1")(enc_in)
f2 = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu", name="enc_conv2")(f1)
f3 = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu", name="enc_conv3")(f2)
encoder = keras.Model(enc_in, [f1, f2, f3], name="encoder")
encoder.trainable = False

image = keras.Input(shape=(32, 32, 3))
skips = encoder(image)
x = skips[-1]
for skip, filters in zip(reversed(skips[:-1]), [16, 8]):
    x = layers.Conv2DTranspose(filters, 3, strides=2, padding="same")(x)
    x = layers.Concatenate()([x, skip])
mask = layers.Conv2D(2, 1, name="mask")(x)
unet = keras.Model(image, mask, name="small_unet")
unet.summary()
print(len(skips), [tuple(s.shape) for s in skips])
print(unet.count_params())
