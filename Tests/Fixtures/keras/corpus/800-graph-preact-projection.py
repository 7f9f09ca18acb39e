# Pre-activation residual units (BN -> ReLU -> conv): the shortcut of a unit that changes width
# or stride is a 1x1 projection taken from the pre-activated tensor.
from tensorflow import keras
from tensorflow.keras import layers


def preact_unit(x, filters, stride, tag):
    pre = layers.BatchNormalization(name=tag + "_preact_bn")(x)
    pre = layers.Activation("relu", name=tag + "_preact_relu")(pre)
    if stride != 1 or x.shape[-1] != filters:
        shortcut = layers.Conv2D(filters, 1, strides=stride, name=tag + "_proj")(pre)
    else:
        shortcut = x
    y = layers.Conv2D(filters, 3, strides=stride, padding="same", use_bias=False, name=tag + "_conv1")(pre)
    y = layers.BatchNormalization(name=tag + "_bn2")(y)
    y = layers.Activation("relu", name=tag + "_relu2")(y)
    y = layers.Conv2D(filters, 3, padding="same", name=tag + "_conv2")(y)
    return layers.Add(name=tag + "_out")([shortcut, y])


pixels = keras.Input(shape=(33, 33, 3))
h = layers.Conv2D(16, 3, padding="same", name="stem")(pixels)
h = preact_unit(h, 16, 1, "u1")
h = preact_unit(h, 32, 2, "u2")
h = preact_unit(h, 32, 1, "u3")
h = preact_unit(h, 64, 2, "u4")
h = layers.BatchNormalization(name="post_bn")(h)
h = layers.Activation("relu", name="post_relu")(h)
h = layers.GlobalAveragePooling2D(name="avg")(h)
preact = keras.Model(pixels, layers.Dense(7, name="probs")(h), name="preact_net")
preact.summary()
print(preact.get_layer("u4_out").output_shape)
print(preact.count_params())
