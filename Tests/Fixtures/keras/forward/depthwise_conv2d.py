# Forward-pass fixture depthwise_conv2d: DepthwiseConv2D with depth_multiplier, same/valid, strides.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(7, 7, 3)),
    layers.DepthwiseConv2D(3, depth_multiplier=2, padding='same'),
    layers.DepthwiseConv2D(3, strides=2),
    layers.DepthwiseConv2D((2, 3), use_bias=False, padding='same'),
], name='depthwise_conv2d')
