# A tiny 3-D U-Net: Conv3D, MaxPooling3D, Conv3DTranspose and UpSampling3D, Cropping3D on a
# skip, and concatenation of volumes.
from tensorflow import keras
from tensorflow.keras import layers

vol = keras.Input(shape=(20, 20, 20, 1))
v1 = layers.Conv3D(4, 3, padding="same", activation="relu")(vol)
v2 = layers.MaxPooling3D()(v1)
v2 = layers.Conv3D(8, 3, padding="same", activation="relu")(v2)
v3 = layers.MaxPooling3D()(v2)
v3 = layers.Conv3D(16, 3, padding="same", activation="relu")(v3)
u2 = layers.Conv3DTranspose(8, 3, strides=2)(v3)
u2 = layers.Cropping3D(((1, 0), (1, 0), (1, 0)))(u2)
u2 = layers.concatenate([u2, v2])
u1 = layers.UpSampling3D()(u2)
u1 = layers.concatenate([u1, v1])
seg = layers.Conv3D(3, 1, activation="softmax")(u1)
unet3d = keras.Model(vol, seg)
unet3d.summary()
print(unet3d.output_shape)
