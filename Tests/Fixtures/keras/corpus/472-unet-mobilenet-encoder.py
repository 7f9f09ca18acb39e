# The encoder of a U-Net for segmentation: skip connections taken from a MobileNetV2 base.
import tensorflow as tf

base_model = tf.keras.applications.MobileNetV2(input_shape=[64, 64, 3], include_top=False, weights=None)
layer_names = [
    "block_1_expand_relu",
    "block_3_expand_relu",
    "block_6_expand_relu",
    "block_13_expand_relu",
    "block_16_project",
]
base_model_outputs = [base_model.get_layer(name).output for name in layer_names]
down_stack = tf.keras.Model(inputs=base_model.input, outputs=base_model_outputs)
down_stack.trainable = False
for name, tensor in zip(layer_names, down_stack.outputs):
    print(name, tensor.shape)
print(len(down_stack.layers), down_stack.count_params())

# %%
bottleneck = tf.keras.Model(base_model.input, base_model.get_layer("block_13_expand_relu").output)
bottleneck.summary()
