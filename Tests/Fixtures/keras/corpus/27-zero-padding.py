# ZeroPadding with int, tuple and tuple-of-tuples arguments.
from tensorflow import keras
from tensorflow.keras import layers

pad1d = keras.Sequential([
    keras.Input(shape=(10, 3)),
    layers.ZeroPadding1D(),
    layers.ZeroPadding1D(padding=3),
    layers.ZeroPadding1D((1, 4)),
])
pad2d = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.ZeroPadding2D(),
    layers.ZeroPadding2D(padding=2),
    layers.ZeroPadding2D(padding=(1, 3)),
    layers.ZeroPadding2D(padding=((0, 1), (2, 3))),
])
pad3d = keras.Sequential([
    keras.Input(shape=(4, 8, 8, 2)),
    layers.ZeroPadding3D(),
    layers.ZeroPadding3D(padding=(0, 1, 2)),
    layers.ZeroPadding3D(padding=((1, 0), (0, 2), (3, 1))),
])
pad1d.summary()
pad2d.summary()
pad3d.summary()
print(pad1d.output_shape, pad2d.output_shape, pad3d.output_shape)
