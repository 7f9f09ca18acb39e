# Forward-pass fixture dilated_depthwise_separable: DepthwiseConv2D and SeparableConv2D with dilation_rate.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(9, 9, 2)),
    layers.DepthwiseConv2D(3, dilation_rate=2, padding='same'),
    layers.SeparableConv2D(3, 2, dilation_rate=(2, 1), activation='relu'),
], name='dilated_depthwise_separable')
