# DenseNet-style blocks written as loops: each layer sees the concatenation of all earlier maps,
# and transitions halve the channels and the size.
from tensorflow import keras
from tensorflow.keras import layers


def dense_block(x, layers_count, growth, name):
    for i in range(layers_count):
        y = layers.BatchNormalization(name=f"{name}_l{i}_bn")(x)
        y = layers.Activation("relu", name=f"{name}_l{i}_relu")(y)
        y = layers.Conv2D(4 * growth, 1, use_bias=False, name=f"{name}_l{i}_bottleneck")(y)
        y = layers.Conv2D(growth, 3, padding="same", use_bias=False, name=f"{name}_l{i}_conv")(y)
        x = layers.Concatenate(name=f"{name}_l{i}_cat")([x, y])
    return x


def transition(x, name):
    channels = int(x.shape[-1] * 0.5)
    x = layers.BatchNormalization(name=name + "_bn")(x)
    x = layers.Conv2D(channels, 1, use_bias=False, name=name + "_conv")(x)
    return layers.AveragePooling2D(2, name=name + "_pool")(x)


stem_in = keras.Input(shape=(56, 56, 3))
h = layers.Conv2D(24, 3, strides=2, padding="same", use_bias=False, name="stem")(stem_in)
h = dense_block(h, 3, 8, "db1")
h = transition(h, "tr1")
h = dense_block(h, 2, 8, "db2")
h = layers.GlobalAveragePooling2D(name="gap")(h)
dn = keras.Model(stem_in, layers.Dense(10, activation="softmax", name="fc")(h), name="mini_densenet")
dn.summary()
print(dn.get_layer("tr1_conv").output_shape, dn.count_params())
