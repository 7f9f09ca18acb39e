# Forward-pass fixture separable_conv1d_causal: SeparableConv1D causal and dilated, DepthwiseConv1D.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(12, 3)),
    layers.SeparableConv1D(4, 3, padding='causal', dilation_rate=2, depth_multiplier=2),
    layers.DepthwiseConv1D(3, depth_multiplier=2, padding='same'),
    layers.SeparableConv1D(3, 2, strides=2, activation='tanh'),
], name='separable_conv1d_causal')
