"""A non-local (self-attention) block for a small CNN, Wang et al. 2018, written with tf.matmul and
tf.nn.softmax inside Lambda layers, and a Keras activation called on a tensor."""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


def non_local_block(x, inter_channels=8):
    h, w, c = x.shape[1], x.shape[2], x.shape[3]
    theta = layers.Reshape((h * w, inter_channels))(layers.Conv2D(inter_channels, 1)(x))
    phi = layers.Reshape((h * w, inter_channels))(layers.Conv2D(inter_channels, 1)(x))
    g = layers.Reshape((h * w, inter_channels))(layers.Conv2D(inter_channels, 1)(x))
    f = layers.Lambda(
        lambda t: tf.nn.softmax(tf.matmul(t[0], t[1], transpose_b=True), axis=-1),
        name="affinity")([theta, phi])
    y = layers.Lambda(lambda t: tf.matmul(t[0], t[1]), name="aggregate")([f, g])
    y = layers.Reshape((h, w, inter_channels))(y)
    y = layers.Conv2D(c, 1)(y)
    return layers.add([x, y])


inputs = keras.Input(shape=(8, 8, 16))
x = non_local_block(inputs)
x = keras.activations.relu(x)
x = layers.GlobalAveragePooling2D()(x)
model = keras.Model(inputs, layers.Dense(4, activation="softmax")(x), name="non_local")
model.summary()
print(len(model.layers), model.get_layer("affinity").name)
