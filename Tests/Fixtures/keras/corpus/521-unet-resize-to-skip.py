# U-Net decoder that does not assume even sizes: each upsampled map is resized to its skip
# connection's size read with tf.shape before the concatenation.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


def conv_block(x, filters):
    x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    return layers.Conv2D(filters, 3, padding="same", activation="relu")(x)


inputs = keras.Input(shape=(75, 75, 3))
s1 = conv_block(inputs, 8)
p1 = layers.MaxPooling2D()(s1)
s2 = conv_block(p1, 16)
p2 = layers.MaxPooling2D()(s2)
b = conv_block(p2, 32)
u2 = layers.Conv2DTranspose(16, 2, strides=2)(b)
u2 = tf.image.resize(u2, tf.shape(s2)[1:3])
d2 = conv_block(layers.Concatenate()([u2, s2]), 16)
u1 = layers.Conv2DTranspose(8, 2, strides=2)(d2)
u1 = tf.image.resize(u1, tf.shape(s1)[1:3], method="nearest")
d1 = conv_block(layers.Concatenate()([u1, s1]), 8)
outputs = layers.Conv2D(1, 1, activation="sigmoid")(d1)
model = keras.Model(inputs, outputs, name="unet_odd_sizes")
model.summary()
