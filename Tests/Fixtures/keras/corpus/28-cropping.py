# Cropping layers (the inverse of ZeroPadding).
from tensorflow import keras
from tensorflow.keras import layers

crop1d = keras.Sequential([
    keras.Input(shape=(20, 4)),
    layers.Cropping1D(),
    layers.Cropping1D(cropping=3),
    layers.Cropping1D(cropping=(2, 5)),
])
crop2d = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Cropping2D(cropping=2),
    layers.Cropping2D(cropping=(4, 1)),
    layers.Cropping2D(cropping=((1, 2), (3, 4))),
    layers.Cropping2D(),
])
crop3d = keras.Sequential([
    keras.Input(shape=(10, 12, 14, 1)),
    layers.Cropping3D(),
    layers.Cropping3D(cropping=(2, 2, 0)),
    layers.Cropping3D(cropping=((1, 0), (0, 2), (3, 3))),
])
crop1d.summary()
crop2d.summary()
crop3d.summary()
print(crop2d.output_shape)
