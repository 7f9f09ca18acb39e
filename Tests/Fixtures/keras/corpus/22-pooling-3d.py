# 3D pooling on a small volume.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(15, 31, 33, 4)),
    layers.MaxPooling3D(),
    layers.MaxPooling3D(pool_size=(1, 2, 2), padding='same'),
    layers.AveragePooling3D(pool_size=(2, 2, 2), strides=(1, 1, 1)),
    layers.AveragePooling3D(pool_size=3, strides=2, padding='same'),
    layers.MaxPool3D(pool_size=1),
    layers.AvgPool3D((1, 1, 1), padding='valid'),
])
model.summary()
print(model.output_shape)
