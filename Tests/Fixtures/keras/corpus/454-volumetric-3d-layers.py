# Volumetric layers: padding, cropping, upsampling and pooling in three dimensions.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(16, 16, 16, 2)),
    layers.ZeroPadding3D(padding=(1, 2, 0)),
    layers.Conv3D(8, (3, 3, 3), activation="relu"),
    layers.AveragePooling3D(pool_size=(2, 2, 2)),
    layers.UpSampling3D(size=(2, 1, 2)),
    layers.Cropping3D(cropping=((1, 1), (0, 2), (2, 0))),
    layers.Conv3D(4, 1, padding="same"),
    layers.MaxPooling3D(pool_size=2, strides=1, padding="same"),
    layers.GlobalMaxPooling3D(),
    layers.Dense(2),
])
model.summary()
