# A two-level U-Net-like encoder/decoder: the decoder concatenates the encoder's maps of the same
# size (skip connections).
from tensorflow import keras
from tensorflow.keras import layers

image = keras.Input(shape=(64, 64, 1))
e1 = layers.Conv2D(8, 3, padding="same", activation="relu")(image)
p1 = layers.MaxPooling2D()(e1)
e2 = layers.Conv2D(16, 3, padding="same", activation="relu")(p1)
p2 = layers.MaxPooling2D()(e2)
mid = layers.Conv2D(32, 3, padding="same", activation="relu")(p2)
u2 = layers.UpSampling2D()(mid)
d2 = layers.Concatenate()([u2, e2])
d2 = layers.Conv2D(16, 3, padding="same", activation="relu")(d2)
u1 = layers.Conv2DTranspose(8, 2, strides=2)(d2)
d1 = layers.concatenate([u1, e1])
mask = layers.Conv2D(1, 1, activation="sigmoid")(d1)
unet = keras.Model(image, mask, name="mini_unet")
unet.summary()
