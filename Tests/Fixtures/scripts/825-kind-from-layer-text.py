# Telling layer kinds apart by their text, as FLOPs helpers do, and reading each call's shapes.
import tensorflow as tf

inputs = tf.keras.Input((12, 12, 3))
x = tf.keras.layers.ZeroPadding2D(1)(inputs)
x = tf.keras.layers.Conv2D(8, 3, strides=2)(x)
x = tf.keras.layers.BatchNormalization()(x)
x = tf.keras.layers.LeakyReLU()(x)
x = tf.keras.layers.DepthwiseConv2D(3, padding="same")(x)
x = tf.keras.layers.GlobalAveragePooling2D()(x)
outputs = tf.keras.layers.Dense(4)(x)
model = tf.keras.Model(inputs, outputs)

flops = 0
for layer in model.layers:
    kind = "other"
    if "InputLayer" in str(layer):
        kind = "input"
    elif "Padding" in str(layer):
        kind = "padding"
    elif "Conv2D" in str(layer) and "DepthwiseConv2D" not in str(layer):
        kind = "conv"
        out = layer.get_output_shape_at(0)
        flops += out[1] * out[2] * out[3] * layer.kernel_size[0] * layer.kernel_size[1] * layer.get_input_shape_at(0)[3]
    elif "DepthwiseConv2D" in str(layer):
        kind = "depthwise"
    elif "BatchNormalization" in str(layer) or "ReLU" in str(layer):
        kind = "elementwise"
    elif "Dense" in str(layer):
        kind = "dense"
    print(f"{layer.name:26s} {kind:12s} {'Global' not in str(layer)}")
print("conv flops:", flops)
