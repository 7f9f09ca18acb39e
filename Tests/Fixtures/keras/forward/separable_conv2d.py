# Forward-pass fixture separable_conv2d: SeparableConv2D with depth_multiplier, strides.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(8, 8, 3)),
    layers.SeparableConv2D(4, 3, padding='same', depth_multiplier=2, activation='relu'),
    layers.SeparableConv2D(3, 3, strides=2),
], name='separable_conv2d')
