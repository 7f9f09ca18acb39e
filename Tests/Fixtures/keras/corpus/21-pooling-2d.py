# 2D pooling: tuple and int pool sizes, strides None vs explicit, valid and same padding.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(57, 43, 16)),
    layers.MaxPooling2D(),
    layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2)),
    layers.MaxPooling2D(pool_size=(2, 3), padding='same'),
    layers.AveragePooling2D(pool_size=(3, 3), strides=1, padding='same'),
    layers.AveragePooling2D((2, 2), (1, 1)),
    layers.AveragePooling2D(pool_size=2, strides=(2, 1), padding='valid'),
    layers.MaxPool2D(pool_size=(1, 1)),
    layers.AvgPool2D(pool_size=(3, 1), padding='same'),
])
model.summary()
print(model.output_shape)
