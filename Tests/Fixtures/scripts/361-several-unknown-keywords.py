"""Keywords a layer does not take: tf-keras stops at the first one, Keras 3 names them all."""
from tensorflow import keras
from tensorflow.keras import layers

attempts = [
    lambda: layers.Dense(4, activaton="relu", use_bias=False, kernal_initializer="zeros"),
    lambda: layers.Conv2D(8, 3, padding="same", strides=1, dilation=2),
    lambda: layers.SeparableConv2D(8, 3, kernel_initializer="he_normal", padding="same", kernel_constraint="max_norm"),
]
for make in attempts:
    try:
        layer = make()
        print("made", layer.name)
    except (TypeError, ValueError) as error:
        print(type(error).__name__ + ":", error)

block = keras.Sequential([
    keras.Input((16, 16, 3)),
    layers.SeparableConv2D(8, 3, padding="same", depthwise_initializer="he_normal", use_bias=False),
])
print(block.count_params())
