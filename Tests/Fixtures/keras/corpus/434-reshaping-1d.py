# One-dimensional reshaping layers: padding, cropping, upsampling, repeating, permuting.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(20, 4)),
    layers.ZeroPadding1D(padding=2),
    layers.Conv1D(8, 3),
    layers.Cropping1D(cropping=(1, 2)),
    layers.UpSampling1D(size=3),
    layers.MaxPooling1D(pool_size=3, strides=2, padding="same"),
    layers.AveragePooling1D(2),
    layers.Permute((2, 1)),
    layers.Reshape((-1,)),
    layers.RepeatVector(3),
    layers.Reshape((3, 8, -1)),
    layers.UpSampling2D(size=(1, 2), interpolation="bilinear"),
    layers.GlobalAveragePooling2D(),
])
model.summary()
