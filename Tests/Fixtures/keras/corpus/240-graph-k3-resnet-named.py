# A ResNet-style stage written with a helper, with long applications-style layer names: the Keras 3
# table cuts long names and connections with an ellipsis at width 76 and shows more at 108.
import keras
from keras import layers


def block(x, filters, stride, name):
    shortcut = x
    if stride != 1:
        shortcut = layers.Conv2D(filters, 1, strides=stride, name=name + "_0_conv")(x)
        shortcut = layers.BatchNormalization(name=name + "_0_bn")(shortcut)
    y = layers.Conv2D(filters, 3, strides=stride, padding="same", name=name + "_1_conv")(x)
    y = layers.BatchNormalization(name=name + "_1_bn")(y)
    y = layers.Activation("relu", name=name + "_1_relu")(y)
    y = layers.Conv2D(filters, 3, padding="same", name=name + "_2_conv")(y)
    y = layers.BatchNormalization(name=name + "_2_bn")(y)
    y = layers.Add(name=name + "_add")([shortcut, y])
    return layers.Activation("relu", name=name + "_out")(y)


inputs = keras.Input(shape=(32, 32, 16), name="image_input_with_a_long_name")
x = block(inputs, 16, 1, "conv2_block1")
x = block(x, 32, 2, "conv3_block1")
x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
outputs = layers.Dense(10, activation="softmax", name="predictions")(x)
model = keras.Model(inputs, outputs, name="resnet_stage_with_a_rather_long_model_name")
model.summary()
print(model.count_params())
print(len(model.layers))
