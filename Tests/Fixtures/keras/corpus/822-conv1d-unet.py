# A 1-D U-Net for signals: Conv1D, MaxPooling1D, UpSampling1D, Cropping1D on the skip, and
# Concatenate along the channel axis.
from tensorflow import keras
from tensorflow.keras import layers

signal = keras.Input(shape=(100, 2))
s1 = layers.Conv1D(8, 5, activation="relu", name="enc1")(signal)
q1 = layers.MaxPooling1D(2, name="pool1")(s1)
s2 = layers.Conv1D(16, 5, activation="relu", name="enc2")(q1)
q2 = layers.MaxPooling1D(2, name="pool2")(s2)
mid = layers.Conv1D(32, 3, activation="relu", name="mid")(q2)
up = layers.UpSampling1D(2, name="up2")(mid)
skip2 = layers.Cropping1D((2, 2), name="crop2")(s2)
d2 = layers.concatenate([up, skip2], name="cat2")
d2 = layers.Conv1D(16, 3, padding="same", name="dec2")(d2)
up1 = layers.Conv1DTranspose(8, 2, strides=2, name="up1")(d2)
skip1 = layers.Cropping1D(8, name="crop1")(s1)
d1 = layers.concatenate([up1, skip1], name="cat1")
out = layers.Conv1D(1, 1, name="denoised")(d1)
unet1d = keras.Model(signal, out, name="unet1d")
unet1d.summary()
print(unet1d.output_shape)
