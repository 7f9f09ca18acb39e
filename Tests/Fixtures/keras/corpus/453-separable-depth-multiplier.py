# Depth multipliers on depthwise and separable convolutions, in one and two dimensions.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(32, 32, 8)),
    layers.DepthwiseConv2D(3, depth_multiplier=2, padding="same"),
    layers.SeparableConv2D(32, 3, depth_multiplier=2, strides=2, activation="relu"),
    layers.SeparableConv2D(32, (3, 3), dilation_rate=2, use_bias=False),
    layers.GlobalAveragePooling2D(),
])
model.summary()

# %%
signal = keras.Sequential([
    keras.Input(shape=(128, 4)),
    layers.SeparableConv1D(16, 5, depth_multiplier=3, padding="same"),
    layers.DepthwiseConv1D(3, depth_multiplier=2),
    layers.SeparableConv1D(8, 3, strides=2),
    layers.GlobalMaxPooling1D(),
])
signal.summary()
