# Convolution arguments copied onto separable and depthwise convolutions: tf-keras passes them on
# to its base convolution class (which keeps them unused); Keras 3 refuses them.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(48, 48, 1))
x = layers.Conv2D(8, 3, kernel_initializer="he_normal", use_bias=False)(inputs)
x = layers.SeparableConv2D(16, 3, padding="same", kernel_initializer="he_normal",
                           use_bias=False)(x)
x = layers.DepthwiseConv2D(3, kernel_initializer="he_normal")(x)
x = layers.GlobalAveragePooling2D()(x)
model = keras.Model(inputs, x)
model.summary()
