# Forward-pass fixture mobilenet_block: MobileNet block: Conv2D, BN, ReLU(6.), DepthwiseConv2D, 1x1 Conv2D, GAP, Dense.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(9, 9, 3)),
    layers.Conv2D(4, 3, strides=2, padding='same', use_bias=False),
    layers.BatchNormalization(),
    layers.ReLU(6.),
    layers.DepthwiseConv2D(3, padding='same', use_bias=False),
    layers.BatchNormalization(),
    layers.ReLU(6.),
    layers.Conv2D(8, 1, use_bias=False),
    layers.BatchNormalization(),
    layers.ReLU(6.),
    layers.GlobalAveragePooling2D(),
    layers.Dense(3, activation='softmax'),
], name='mobilenet_block')
