# A small DenseNet: dense blocks grow the channels by concatenation, transitions compress them.
from tensorflow import keras
from tensorflow.keras import layers

growth_rate = 12
compression = 0.5


def conv_block(x, growth_rate, name):
    x1 = layers.BatchNormalization(epsilon=1.001e-5, name=name + "_0_bn")(x)
    x1 = layers.Activation("relu", name=name + "_0_relu")(x1)
    x1 = layers.Conv2D(4 * growth_rate, 1, use_bias=False, name=name + "_1_conv")(x1)
    x1 = layers.BatchNormalization(epsilon=1.001e-5, name=name + "_1_bn")(x1)
    x1 = layers.Activation("relu", name=name + "_1_relu")(x1)
    x1 = layers.Conv2D(growth_rate, 3, padding="same", use_bias=False, name=name + "_2_conv")(x1)
    return layers.Concatenate(axis=-1, name=name + "_concat")([x, x1])


def dense_block(x, blocks, name):
    for i in range(blocks):
        x = conv_block(x, growth_rate, name=name + "_block" + str(i + 1))
    return x


def transition_block(x, reduction, name):
    x = layers.BatchNormalization(epsilon=1.001e-5, name=name + "_bn")(x)
    x = layers.Activation("relu", name=name + "_relu")(x)
    filters = int(keras.backend.int_shape(x)[-1] * reduction)
    x = layers.Conv2D(filters, 1, use_bias=False, name=name + "_conv")(x)
    x = layers.AveragePooling2D(2, strides=2, name=name + "_pool")(x)
    return x


inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(2 * growth_rate, 3, padding="same", use_bias=False, name="conv1")(inputs)
x = dense_block(x, 3, name="conv2")
x = transition_block(x, compression, name="pool2")
x = dense_block(x, 3, name="conv3")
x = transition_block(x, compression, name="pool3")
x = dense_block(x, 3, name="conv4")
x = layers.BatchNormalization(epsilon=1.001e-5, name="bn")(x)
x = layers.Activation("relu", name="relu")(x)
x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
outputs = layers.Dense(10, activation="softmax", name="fc10")(x)
model = keras.Model(inputs, outputs, name="densenet_small")
model.summary()
print(model.get_layer("pool3_conv").output.shape)
