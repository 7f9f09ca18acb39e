# Forward-pass fixture pooling3d: Max/AveragePooling3D valid and same.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(5, 5, 4, 2)),
    layers.MaxPooling3D(2, padding='same'),
    layers.AveragePooling3D((2, 2, 1), strides=1),
    layers.AveragePooling3D(2, padding='same'),
], name='pooling3d')
