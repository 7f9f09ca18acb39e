# Forward-pass fixture strided_pooling_conv: Strided convolutions and pooling with odd sizes, same and valid.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(23, 21, 3)),
    layers.Conv2D(8, 5, strides=3, padding='same', activation='elu'),
    layers.MaxPooling2D(3, strides=2, padding='same'),
    layers.Conv2D(6, 1, activation='selu'),
    layers.AveragePooling2D((2, 1), strides=(1, 2)),
    layers.Conv2D(4, 2, dilation_rate=1, padding='valid', activation='softplus'),
], name='strided_pooling_conv')
